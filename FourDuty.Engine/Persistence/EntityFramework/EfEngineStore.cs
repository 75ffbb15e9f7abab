using FourDuty.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>The engine's state in PostgreSQL or SQLite through Entity Framework Core: one transaction per step.</summary>
internal sealed class EfEngineStore(IDbContextFactory<EngineDbContext> contexts) : IEngineStore
{
    public IEngineQueries Queries { get; } = new EfEngineQueries(contexts);

    public async Task<IStoreSession> BeginAsync(CancellationToken cancellationToken) =>
        new EfStoreSession(await contexts.CreateDbContextAsync(cancellationToken));
}
