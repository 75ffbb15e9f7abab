using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence;

/// <summary>The engine's tables in an embedded SQLite file (SQLite has no schemas).</summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options)
    : EngineDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps DateTimeOffset as text, which neither sorts nor compares as an instant; UTC ticks
        // do, so "due_at <= @now" works the same here as on PostgreSQL.
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreInstantsAsUtcTicks();
    }
}
