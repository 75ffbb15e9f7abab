using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.TestRuns;

/// <summary>
/// The test-runs of this node, in memory: at most <see cref="TestRunOptions.MaxRuns"/>, each dropped when idle for
/// <see cref="TestRunOptions.IdleTimeout"/> (checked whenever one is created or looked up). A test-run lives on the node
/// that created it; nothing of it is stored, so a restart ends it.
/// </summary>
internal sealed class TestRunRegistry(TestRunFactory factory, IOptions<TestRunOptions> options, ILogger<TestRunRegistry> logger) : IAsyncDisposable
{
    // Real time, not the service's clock: a test-run expires when people stop using it, whatever the service simulates.
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ConcurrentDictionary<Guid, TestRun> _runs = new();
    private readonly SemaphoreSlim _creating = new(1, 1);

    /// <exception cref="TestRunLimitException">As many test-runs as allowed are in use.</exception>
    public async Task<TestRun> CreateAsync(TestRunRequest request, CancellationToken cancellationToken)
    {
        await _creating.WaitAsync(cancellationToken);
        try
        {
            await DropExpiredAsync();
            if (_runs.Count >= options.Value.MaxRuns)
            {
                throw new TestRunLimitException(options.Value.MaxRuns, options.Value.IdleTimeout);
            }

            var run = await factory.CreateAsync(request, _time.GetUtcNow(), cancellationToken);
            _runs[run.Id] = run;
            logger.LogInformation("Test-run {TestRun} of {Process} created", run.Id, run.DefinitionKey);
            return run;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>The test-run, or null when there is none by that id (never created, ended, or expired).</summary>
    public async Task<TestRun?> FindAsync(Guid id)
    {
        await DropExpiredAsync();
        return _runs.GetValueOrDefault(id);
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public async Task<bool> RemoveAsync(Guid id)
    {
        if (!_runs.TryRemove(id, out var run))
        {
            return false;
        }

        await run.DisposeAsync();
        return true;
    }

    private async Task DropExpiredAsync()
    {
        var cutoff = _time.GetUtcNow() - options.Value.IdleTimeout;
        foreach (var run in _runs.Values.Where(r => r.LastUsed < cutoff).ToList())
        {
            if (await RemoveAsync(run.Id))
            {
                logger.LogInformation("Test-run {TestRun} dropped after {Idle} unused", run.Id, options.Value.IdleTimeout);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _runs.Keys.ToList())
        {
            await RemoveAsync(id);
        }

        _creating.Dispose();
    }
}

/// <summary>Every allowed test-run is in use.</summary>
internal sealed class TestRunLimitException(int max, TimeSpan idle)
    : Exception($"{max} test-runs are open, the most this service keeps at once. End one (DELETE /api/test-runs/{{id}}) or wait: an unused one ends after {idle.TotalMinutes:0} minutes.");

/// <summary>Registers test-runs: options (section <c>TestRuns</c>), the factory and the registry.</summary>
internal static class TestRunServices
{
    public static IServiceCollection AddTestRuns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TestRunOptions>().Bind(configuration.GetSection(TestRunOptions.Section));
        services.AddSingleton<TestRunFactory>();
        services.AddSingleton<TestRunRegistry>();
        return services;
    }
}
