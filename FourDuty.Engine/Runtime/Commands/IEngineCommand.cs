using FourDuty.Engine.Runtime.Execution;

namespace FourDuty.Engine.Runtime.Commands;

/// <summary>One engine operation: reads and changes state through the step; the executor runs the agenda and commits.</summary>
internal interface IEngineCommand<T>
{
    Task<T> ExecuteAsync(StepContext step, CancellationToken cancellationToken);
}
