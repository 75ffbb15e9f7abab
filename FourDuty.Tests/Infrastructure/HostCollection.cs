namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// Tests that start the Host in-process. Hangfire keeps static state per process, so these run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "In-process Host";
}
