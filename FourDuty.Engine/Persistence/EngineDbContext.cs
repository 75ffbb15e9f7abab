using FourDuty.Engine.Deployment;
using FourDuty.Engine.Persistence.EntityFramework;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence;

/// <summary>
/// The engine's tables. Each database provider has its own subclass so that it carries its own
/// migrations (<see cref="PostgresEngineDbContext"/>, <see cref="SqliteEngineDbContext"/>); code
/// depends on this base type only.
/// </summary>
public abstract class EngineDbContext : DbContext
{
    /// <summary>The PostgreSQL schema that holds every engine table.</summary>
    public const string Schema = "fourduty";

    /// <summary>Creates the context with provider-specific options.</summary>
    protected EngineDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Deployed process definitions, one row per version.</summary>
    public DbSet<ProcessDefinitionRecord> ProcessDefinitions => Set<ProcessDefinitionRecord>();

    internal DbSet<FormDefinitionRecord> Forms => Set<FormDefinitionRecord>();

    internal DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    internal DbSet<TokenRecord> Tokens => Set<TokenRecord>();

    internal DbSet<ScopeRecord> Scopes => Set<ScopeRecord>();

    internal DbSet<VariableRecord> Variables => Set<VariableRecord>();

    internal DbSet<UserTaskRecord> Tasks => Set<UserTaskRecord>();

    internal DbSet<TimerRecord> Timers => Set<TimerRecord>();

    internal DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();

    internal DbSet<JobRecord> Jobs => Set<JobRecord>();

    internal DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    internal DbSet<HistoryStepRecord> HistorySteps => Set<HistoryStepRecord>();

    internal DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    internal DbSet<TaskLinkRecord> TaskLinks => Set<TaskLinkRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the tables read well in psql and survive reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
