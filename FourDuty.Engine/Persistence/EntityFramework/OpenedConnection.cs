using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// A context's connection opened through Entity Framework for commands written by hand, and closed again when disposed.
/// Closing matters with pooled contexts: one handed back with a connection opened and never closed has the connection
/// closed by the pool, but Entity Framework still counts it as opened once, so every later user of that context had its
/// queries leave the connection open until it handed the context back — holding a connection of the pool through a
/// whole step instead of through one query.
/// </summary>
internal sealed class OpenedConnection : IAsyncDisposable
{
    private readonly DbContext _db;

    private OpenedConnection(DbContext db) => _db = db;

    /// <summary>The open connection.</summary>
    public DbConnection Connection => _db.Database.GetDbConnection();

    /// <summary>Opens the context's connection (or counts one more use of it, if open).</summary>
    public static async Task<OpenedConnection> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new OpenedConnection(db);
    }

    public ValueTask DisposeAsync() => new(_db.Database.CloseConnectionAsync());
}
