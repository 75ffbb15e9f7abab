using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>Everything one step computes counts from the step's own instant, even while the real clock moves on.</summary>
public sealed class StepInstantTests
{
    private static readonly string Model = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
        <userTask id="report" camunda:dueDate="${now()}" camunda:followUpDate="${new Date(Date.now() + 86400000)}"/>
        """);

    [Fact]
    public async Task DueAndFollowUpDates_CountFromTheInstantTheTaskWasCreated_NotFromWhenTheyWereEvaluated()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFourDutyEngine(engine =>
        {
            engine.Storage.InMemory = true;
            engine.Clock = new SecondPerReadingClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        });
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ProcessEngine>();
        (await engine.DeployAsync([new DeploymentResource("p.bpmn", Model)])).Succeeded.ShouldBeTrue();

        var instance = await engine.StartAsync("p");

        var task = (await engine.Queries.ListTasksAsync(new TaskFilter(InstanceId: instance))).ShouldHaveSingleItem();
        task.DueAt.ShouldBe(task.CreatedAt);
        task.FollowUpAt.ShouldBe(task.CreatedAt + TimeSpan.FromDays(1));
    }

    /// <summary>A clock that moves a second every time it is read, as a busy server's would between two readings.</summary>
    private sealed class SecondPerReadingClock(DateTimeOffset start) : TimeProvider
    {
        private long _readings;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _readings));
    }
}
