using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence;

/// <summary>The engine's tables on PostgreSQL, in their own schema.</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options)
    : EngineDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}
