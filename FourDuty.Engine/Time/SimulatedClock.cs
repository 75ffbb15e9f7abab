namespace FourDuty.Engine.Time;

/// <summary>
/// A clock that stands still until moved: for tests, demos and the designer's test-run, where a year of a
/// process runs in seconds. The engine's driver fires due timers in order as it moves the clock.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/>; it never moves back.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        lock (_lock)
        {
            if (instant > _now)
            {
                _now = instant.ToUniversalTime();
            }
        }
    }
}
