namespace FourDuty.Engine.Jobs;

/// <summary>What moves the engine along in time: fires timers and runs jobs.</summary>
public enum JobDriver
{
    /// <summary>Nothing in the background; the caller fires timers and runs jobs (tests, the simulated clock).</summary>
    Manual,

    /// <summary>Hangfire: a delayed job per timer, a job per job, and a recurring sweep for whatever was missed.</summary>
    Hangfire,
}
