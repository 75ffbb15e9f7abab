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
    private bool _ended;

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
    /// <exception cref="TestRunEndedException">The test-run ended while the call waited for its turn.</exception>
    public async Task<T> RunAsync<T>(DateTimeOffset now, Func<TestRun, Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ended)
            {
                throw new TestRunEndedException();
            }

            LastUsed = now;
            return await action(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends the test-run once the operation in progress (if any) is done; later calls get <see cref="TestRunEndedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The test-run was ended (deleted or expired) while a call on it waited.</summary>
internal sealed class TestRunEndedException() : Exception("The test-run was ended.");
