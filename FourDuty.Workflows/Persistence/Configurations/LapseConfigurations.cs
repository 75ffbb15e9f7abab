using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Workflows.Persistence.Configurations;

internal sealed class LapseConfiguration : IEntityTypeConfiguration<Lapse>
{
    public void Configure(EntityTypeBuilder<Lapse> builder)
    {
        builder.ToTable("lapses");
        RecordColumns.Configure(builder);
        builder.Property(l => l.SubjectId).HasMaxLength(255);
        builder.Property(l => l.PersonId).HasMaxLength(255);
        builder.Property(l => l.What).HasMaxLength(1000);
        builder.Property(l => l.Article).HasMaxLength(255);
        builder.Property(l => l.MissedElementId).HasMaxLength(255);
        builder.HasIndex(l => new { l.SubjectId, l.Year });
        builder.HasIndex(l => l.PersonId);
        // One missed deadline is one lapse, however many gap-filling instances it started.
        builder.HasIndex(l => new { l.SubjectId, l.MissedInstanceId, l.What, l.DueAt }).IsUnique();
    }
}

internal sealed class LapseAnnotationConfiguration : IEntityTypeConfiguration<LapseAnnotation>
{
    public void Configure(EntityTypeBuilder<LapseAnnotation> builder)
    {
        builder.ToTable("lapse_annotations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.By).HasMaxLength(255);
        builder.HasIndex(a => a.LapseId);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("follow_ups");
        RecordColumns.Configure(builder);
        builder.Property(f => f.PersonId).HasMaxLength(255);
        builder.HasIndex(f => f.LapseId);
        builder.HasIndex(f => f.CommitmentId);
    }
}

internal sealed class ReminderTalkConfiguration : IEntityTypeConfiguration<ReminderTalk>
{
    public void Configure(EntityTypeBuilder<ReminderTalk> builder)
    {
        builder.ToTable("reminder_talks");
        RecordColumns.Configure(builder);
        builder.Property(t => t.SubjectId).HasMaxLength(255);
        builder.Property(t => t.PersonId).HasMaxLength(255);
        builder.Property(t => t.HolderId).HasMaxLength(255);
        builder.Property(t => t.AssistantId).HasMaxLength(255);
        builder.Property(t => t.Place).HasMaxLength(255);
        builder.HasIndex(t => new { t.SubjectId, t.Year });
        builder.HasIndex(t => t.PersonId);
    }
}

internal sealed class TalkCommitmentConfiguration : IEntityTypeConfiguration<TalkCommitment>
{
    public void Configure(EntityTypeBuilder<TalkCommitment> builder)
    {
        builder.ToTable("talk_commitments");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.TalkId, c.Number }).IsUnique();
    }
}
