using System.Data.Common;
using FourDuty.Engine.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// The engine's state in PostgreSQL or SQLite through Entity Framework Core: each step written in one transaction, which on
/// PostgreSQL steps ready to write at the same moment share (decision 0035).
/// </summary>
internal sealed class EfEngineStore(IDbContextFactory<EngineDbContext> contexts) : IEngineStore
{
    // The steps of this engine that write at the same moment share a commit (PostgreSQL only; SQLite has one writer anyway).
    private readonly Postgres.GroupCommit _groups = new();

    public IEngineQueries Queries { get; } = new EfEngineQueries(contexts);

    public async Task<IStoreSession> BeginAsync(CancellationToken cancellationToken) =>
        new EfStoreSession(await contexts.CreateDbContextAsync(cancellationToken), _groups);

    public async Task<byte[]> KeepTaskLinkKeyAsync(byte[] proposed, CancellationToken cancellationToken)
    {
        // One row, made by a migration of SQL only (it is no part of the runtime's model): the first node to propose a key wins.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var table = db.Database.IsNpgsql() ? $"\"{EngineDbContext.Schema}\".task_link_key" : "task_link_key";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} (id, key) VALUES (1, @key) ON CONFLICT (id) DO NOTHING; SELECT key FROM {table} WHERE id = 1;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = proposed;
        command.Parameters.Add(parameter);
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
