using FourDuty.Engine.Time;

namespace FourDuty.Host.Hosting;

/// <summary>
/// <c>Clock:Mode</c>: <c>Real</c> (default) or <c>Simulated</c>, which starts at <c>Clock:Start</c> (default: now)
/// and moves only through <c>POST /api/clock/advance</c> — for tests, demos and the designer's test-run.
/// </summary>
internal static class ClockSettings
{
    public static TimeProvider Create(IConfiguration configuration)
    {
        var mode = configuration["Clock:Mode"] ?? "Real";
        if (mode.Equals("Real", StringComparison.OrdinalIgnoreCase))
        {
            return TimeProvider.System;
        }

        if (!mode.Equals("Simulated", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Clock:Mode is '{mode}'; it must be Real or Simulated.");
        }

        var start = configuration["Clock:Start"] is { } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : DateTimeOffset.UtcNow;
        return new SimulatedClock(start);
    }
}
