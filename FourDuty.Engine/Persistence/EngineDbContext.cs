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

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly);
    }
}
