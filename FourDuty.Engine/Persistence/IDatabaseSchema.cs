namespace FourDuty.Engine.Persistence;

/// <summary>
/// Tables that live beside the engine's in the same database (the college's domain, the accounts and the audit
/// trail), each with its own DbContext and migrations. Register implementations as singletons; the engine migrates
/// them at start right after its own tables, in registration order, under the same lock, so that several nodes
/// starting at once migrate each schema once.
/// </summary>
/// <remarks>
/// Keep table names distinct from the engine's: SQLite has no schemas, so every table shares one namespace there.
/// On PostgreSQL give each schema its own <c>HasDefaultSchema</c> and its own migrations history table
/// (<see cref="SharedDatabase.UseSharedDatabase{T}"/>).
/// </remarks>
public interface IDatabaseSchema
{
    /// <summary>A short name for the logs, e.g. <c>domain</c>.</summary>
    string Name { get; }

    /// <summary>Applies pending migrations (and nothing else: seeding belongs to a hosted service that runs after).</summary>
    /// <param name="services">A scope's services, to resolve the schema's DbContext from.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}
