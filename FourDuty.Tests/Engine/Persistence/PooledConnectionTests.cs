using FourDuty.Engine.Jobs;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Persistence.EntityFramework.Postgres;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// Contexts are pooled, and the due-work store writes its claims by hand on a context's connection. A context it handed
/// back with its connection still counted as opened made every later user's queries leave the connection open until that
/// user handed the context back — a step held a connection of the pool through all its work instead of through one query.
/// </summary>
public sealed class PooledConnectionTests
{
    [SkippableFact]
    public async Task AfterTheDueWorkStoreUsedAContext_AQueryOnItClosesItsConnectionAgain()
    {
        await using var provider = await TestPostgres.EngineAsync(await TestPostgres.CreateDatabaseAsync("pooled-connection"));
        var contexts = provider.GetRequiredService<IDbContextFactory<EngineDbContext>>();

        await new PostgresDueWorkStore(contexts).HeartbeatAsync(new NodeIdentity(), TimeSpan.FromSeconds(30), DateTimeOffset.UtcNow, CancellationToken.None);

        // One context at a time: the pool hands back the one the store used.
        await using var next = await contexts.CreateDbContextAsync();
        _ = await next.Instances.AnyAsync();
        next.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed, "a query closes the connection it opened");
    }
}
