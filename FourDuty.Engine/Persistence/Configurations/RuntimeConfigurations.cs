using FourDuty.Engine.Persistence.EntityFramework;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Engine.Persistence.Configurations;

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable("instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionKey).HasMaxLength(255);
        builder.Property(i => i.BusinessKey).HasMaxLength(255);
        builder.Property(i => i.EndReason).HasMaxLength(2000);
        // Every step bumps the revision; a step that read an older one loses and is retried.
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => new { i.DefinitionKey, i.Status });
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => i.ParentInstanceId);
    }
}

internal sealed class TokenRecordConfiguration : IEntityTypeConfiguration<TokenRecord>
{
    public void Configure(EntityTypeBuilder<TokenRecord> builder)
    {
        builder.ToTable("tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ElementId).HasMaxLength(255);
        builder.Property(t => t.ArrivedVia).HasMaxLength(255);
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class ScopeRecordConfiguration : IEntityTypeConfiguration<ScopeRecord>
{
    public void Configure(EntityTypeBuilder<ScopeRecord> builder)
    {
        builder.ToTable("scopes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ElementId).HasMaxLength(255);
        builder.HasIndex(s => s.InstanceId);
    }
}

internal sealed class VariableRecordConfiguration : IEntityTypeConfiguration<VariableRecord>
{
    public void Configure(EntityTypeBuilder<VariableRecord> builder)
    {
        builder.ToTable("variables");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(255);
        builder.HasIndex(v => v.InstanceId);
    }
}

internal sealed class UserTaskRecordConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("user_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ElementId).HasMaxLength(255);
        builder.Property(t => t.Name).HasMaxLength(1000);
        builder.Property(t => t.Assignee).HasMaxLength(255);
        builder.Property(t => t.Owner).HasMaxLength(255);
        builder.Property(t => t.CompletedBy).HasMaxLength(255);
        builder.Property(t => t.FormKey).HasMaxLength(1000);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasIndex(t => new { t.InstanceId, t.Status });
        builder.HasIndex(t => new { t.Status, t.Assignee });
        // A person's delegated tasks in their inbox (ListPersonalTasksAsync): found by owner, not by scanning the open tasks.
        builder.HasIndex(t => new { t.Status, t.Owner });
        builder.HasIndex(t => new { t.Status, t.DueAt });
    }
}

internal sealed class TimerRecordConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ElementId).HasMaxLength(255);
        builder.Property(t => t.Cycle).HasMaxLength(1000);
        // Each firing changes the count: two nodes firing one occurrence conflict, and only one commits.
        builder.Property(t => t.FiredCount).IsConcurrencyToken();
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.DefinitionId);
    }
}

internal sealed class SubscriptionRecordConfiguration : IEntityTypeConfiguration<SubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionRecord> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.CorrelationKey).HasMaxLength(255);
        builder.Property(s => s.ElementId).HasMaxLength(255);
        builder.HasIndex(s => new { s.Kind, s.Name });
        builder.HasIndex(s => s.InstanceId);
    }
}

internal sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.ElementId).HasMaxLength(255);
        builder.Property(j => j.HandlerType).HasMaxLength(255);
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.HasIndex(j => j.DueAt);
        builder.HasIndex(j => j.InstanceId);
    }
}

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ElementId).HasMaxLength(255);
        builder.Property(i => i.Code).HasMaxLength(100);
        builder.Property(i => i.Message).HasMaxLength(4000);
        builder.HasIndex(i => i.InstanceId);
    }
}

internal sealed class HistoryStepRecordConfiguration : IEntityTypeConfiguration<HistoryStepRecord>
{
    public void Configure(EntityTypeBuilder<HistoryStepRecord> builder)
    {
        builder.ToTable("history_steps");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Events).IsRequired();
        builder.HasIndex(h => h.InstanceId);
    }
}

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasMaxLength(100);
        builder.Property(o => o.Key).HasMaxLength(500);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.Property(o => o.Reply).HasMaxLength(2000);
        // A second write of the same key (a retried step) is one delivery, not two.
        builder.HasIndex(o => o.Key).IsUnique();
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.Property(o => o.Attempts).IsConcurrencyToken();
    }
}

internal sealed class TaskLinkRecordConfiguration : IEntityTypeConfiguration<TaskLinkRecord>
{
    public void Configure(EntityTypeBuilder<TaskLinkRecord> builder)
    {
        builder.ToTable("task_links");
        builder.HasKey(l => l.TokenHash);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Person).HasMaxLength(255);
        builder.HasIndex(l => l.TaskId);
    }
}
