using FourDuty.Engine.Outbox;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Engine.Outbox;

/// <summary>Outbox rows are delivered once however many workers reach them, and retried with backoff, on each store.</summary>
public abstract class OutboxDeliveryTests(TestStore store)
{
    [SkippableFact]
    public async Task TwoWorkersOnOneRow_DeliverItOnce()
    {
        var handler = new RecordingHandler { Hold = new TaskCompletionSource() };
        await using var scenario = await DeployAsync(handler);
        var row = await EnqueueAsync(scenario);

        var first = scenario.Engine.DeliverOutboxAsync(row);
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await scenario.Engine.DeliverOutboxAsync(row);
        handler.Hold.SetResult();

        (await first).ShouldBeTrue();
        second.ShouldBeFalse();
        handler.Calls.ShouldBe(1);
        var stored = await RowAsync(scenario, row);
        stored.Status.ShouldBe(OutboxStatus.Sent);
        stored.Attempts.ShouldBe(1);
    }

    [SkippableFact]
    public async Task MovingTheSimulatedClockPastTheLease_WhileTheRowIsBeingSent_DoesNotSendItAgain()
    {
        var handler = new RecordingHandler { Hold = new TaskCompletionSource() };
        await using var scenario = await DeployAsync(handler);
        var row = await EnqueueAsync(scenario);

        var sending = scenario.Engine.DeliverOutboxAsync(row);
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            // A second delivery would wait on the same hold, so a regression shows as this timing out.
            await scenario.AdvanceAsync(TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            handler.Hold.SetResult();
        }

        (await sending).ShouldBeTrue();
        handler.Calls.ShouldBe(1);
        (await RowAsync(scenario, row)).Status.ShouldBe(OutboxStatus.Sent);
    }

    [SkippableFact]
    public async Task ManyWorkersAtOnce_OneDelivery()
    {
        var handler = new RecordingHandler();
        await using var scenario = await DeployAsync(handler);
        var row = await EnqueueAsync(scenario);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => scenario.Engine.DeliverOutboxAsync(row))));

        results.Count(sent => sent).ShouldBe(1);
        handler.Calls.ShouldBe(1);
    }

    [SkippableFact]
    public async Task PassingFailures_AreRetriedWithDoublingWaits_UntilSent()
    {
        var handler = new RecordingHandler { Outcomes = new([OutboxOutcome.RetryLater("421 busy"), OutboxOutcome.RetryLater("421 busy")]) };
        await using var scenario = await DeployAsync(handler);
        var row = await EnqueueAsync(scenario);

        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse();
        var afterFirst = await RowAsync(scenario, row);
        afterFirst.DueAt.ShouldBe(scenario.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        afterFirst.LastError.ShouldBe("421 busy");
        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse("not due yet");

        scenario.MoveClock(TimeSpan.FromSeconds(30));
        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse();
        (await RowAsync(scenario, row)).DueAt.ShouldBe(scenario.Clock.GetUtcNow() + TimeSpan.FromSeconds(60));

        scenario.MoveClock(TimeSpan.FromSeconds(60));
        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeTrue();
        var sent = await RowAsync(scenario, row);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(3);
        handler.Calls.ShouldBe(3);
    }

    [SkippableFact]
    public async Task ThrowingHandler_KeepsTheRowWithTheReason_AndPermanentFailureStopsRetries()
    {
        var handler = new RecordingHandler { Throw = true, Outcomes = new([OutboxOutcome.Failed("550 no such user")]) };
        await using var scenario = await DeployAsync(handler);
        var row = await EnqueueAsync(scenario);

        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse();
        var kept = await RowAsync(scenario, row);
        kept.Status.ShouldBe(OutboxStatus.Pending);
        kept.LastError.ShouldBe("InvalidOperationException: template broken");

        handler.Throw = false;
        scenario.MoveClock(TimeSpan.FromMinutes(1));
        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse();
        var failed = await RowAsync(scenario, row);
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.LastError.ShouldBe("550 no such user");

        scenario.MoveClock(TimeSpan.FromDays(1));
        (await scenario.Engine.DeliverOutboxAsync(row)).ShouldBeFalse();
        handler.Calls.ShouldBe(2);
    }

    private Task<Scenario> DeployAsync(RecordingHandler handler) =>
        Scenario.DeployAsync(store, services => services.AddSingleton<IOutboxHandler>(handler));

    private static async Task<Guid> EnqueueAsync(Scenario scenario)
    {
        (await scenario.Engine.EnqueueOutboxAsync([new OutboxEntry(RecordingHandler.KindName, "reminder:1", """{"to":"chen.deputy"}""")])).ShouldBe(1);
        return (await scenario.Queries.ListOutboxAsync(10)).ShouldHaveSingleItem().Id;
    }

    private static async Task<OutboxRecord> RowAsync(Scenario scenario, Guid id) =>
        (await scenario.Queries.ListOutboxAsync(10)).Single(r => r.Id == id);

    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string KindName = "test";

        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource? Hold { get; init; }

        public Queue<OutboxOutcome> Outcomes { get; init; } = new();

        public bool Throw { get; set; }

        public int Calls => _calls;

        public string Kind => KindName;

        public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            if (Hold is not null)
            {
                await Hold.Task;
            }

            if (Throw)
            {
                throw new InvalidOperationException("template broken");
            }

            lock (Outcomes)
            {
                return Outcomes.TryDequeue(out var outcome) ? outcome : OutboxOutcome.Sent("250 queued");
            }
        }
    }
}

public sealed class OutboxDeliveryTestsInMemory() : OutboxDeliveryTests(TestStore.InMemory);

public sealed class OutboxDeliveryTestsOnSqlite() : OutboxDeliveryTests(TestStore.Sqlite);

public sealed class OutboxDeliveryTestsOnPostgres() : OutboxDeliveryTests(TestStore.Postgres);
