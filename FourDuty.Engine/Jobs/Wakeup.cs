namespace FourDuty.Engine.Jobs;

/// <summary>
/// An auto-reset wake-up for one waiting loop: <see cref="Set"/> before or during <see cref="WaitAsync"/> ends the wait,
/// and is never lost (a wait that starts after a set returns at once).
/// </summary>
internal sealed class Wakeup
{
    private TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _set).TrySetResult();

    /// <summary>Waits for a <see cref="Set"/> or <paramref name="timeout"/>, whichever comes first, then re-arms.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _set);
        try
        {
            await current.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to look anyway.
        }

        // Re-armed before the caller looks for work: a set from now on is seen by the next wait.
        Interlocked.CompareExchange(ref _set, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
    }
}
