namespace FourDuty.Engine.Jobs;

/// <summary>What moves the engine along in time: fires timers and runs jobs.</summary>
public enum JobDriver
{
    /// <summary>Nothing in the background; the caller fires timers and runs jobs (tests, the simulated clock).</summary>
    Manual,

    /// <summary>Hangfire: due-work processes on each node's Hangfire server claim due timers, jobs and mails in batches; a recurring sweep re-drives what they missed.</summary>
    Hangfire,
}
