using FourDuty.Engine;
using FourDuty.Engine.Time;
using Microsoft.Data.Sqlite;

namespace FourDuty.Host.TestRuns;

/// <summary>
/// One designer's run of a model on an engine of its own: its own services, an in-memory SQLite database (kept alive
/// by one open connection), a simulated clock and captured mail. Operations on one test-run run one at a time.
/// </summary>
internal sealed class TestRun(Guid id, string definitionKey, ServiceProvider services, SqliteConnection database, SimulatedClock clock,
    CapturingMailTransport mail, DateTimeOffset createdAt) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Guid Id { get; } = id;

    /// <summary>The process being tried out.</summary>
    public string DefinitionKey { get; } = definitionKey;

    public ProcessEngine Engine { get; } = services.GetRequiredService<ProcessEngine>();

    public IBusinessCalendar Calendar { get; } = services.GetRequiredService<IBusinessCalendar>();

    public SimulatedClock Clock { get; } = clock;

    public CapturingMailTransport Mail { get; } = mail;

    /// <summary>Real time of the last use, for the idle expiry.</summary>
    public DateTimeOffset LastUsed { get; private set; } = createdAt;

    /// <summary>Runs <paramref name="action"/> alone on this test-run.</summary>
    public async Task<T> RunAsync<T>(DateTimeOffset now, Func<TestRun, Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            LastUsed = now;
            return await action(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
        _gate.Dispose();
    }
}
