using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime;

namespace FourDuty.Engine;

/// <summary>Everything <see cref="EngineServiceCollectionExtensions.AddFourDutyEngine"/> can be told, one options type per concern.</summary>
public sealed class EngineSetup
{
    /// <summary>Where state is kept.</summary>
    public StorageOptions Storage { get; } = new();

    /// <summary>Time zone, retries.</summary>
    public EngineOptions Engine { get; } = new();

    /// <summary>The expression sandbox's limits.</summary>
    public ExpressionOptions Expressions { get; } = new();

    /// <summary>The parser's limits on hostile input.</summary>
    public BpmnParserLimits ParserLimits { get; } = new();

    /// <summary>What fires timers and runs jobs in the background (default: nothing; the Host uses Hangfire).</summary>
    public Jobs.JobDriver JobDriver { get; set; } = Jobs.JobDriver.Manual;

    /// <summary>How the Hangfire job driver's due-work processes share out the work.</summary>
    public Jobs.DueWorkOptions DueWork { get; } = new();

    /// <summary>The engine's clock: the system clock, or a <see cref="Time.SimulatedClock"/>.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
