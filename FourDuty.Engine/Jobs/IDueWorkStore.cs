using FourDuty.Engine.Outbox;

namespace FourDuty.Engine.Jobs;

/// <summary>
/// The job driver's claims on due work, in batches: which node works on which due timer and outbox row, and which nodes
/// are alive. A claim only shares the work out; the steps stay the guarantee that a timer fires once (decision 0003), and
/// an outbox claim still counts the attempt and takes a lease (decision 0006). Claims of a node that stopped heart-beating
/// are released by the nodes that still do (decision 0020).
/// </summary>
internal interface IDueWorkStore
{
    /// <summary>True where the database has one writer at a time (SQLite): steps then run one after another, not side by side.</summary>
    bool SingleWriter { get; }

    /// <summary>Records that <paramref name="node"/> is alive (creating its row), and releases the claims of nodes that are not.</summary>
    /// <returns>How many claims of dead nodes were released.</returns>
    Task<int> HeartbeatAsync(NodeIdentity node, TimeSpan deadAfter, DateTimeOffset engineNow, CancellationToken cancellationToken);

    /// <summary>Removes this node's row and releases its claims (a clean stop).</summary>
    Task LeaveAsync(NodeIdentity node, DateTimeOffset engineNow, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> timers due at <paramref name="now"/> that no node holds, earliest first.</summary>
    Task<IReadOnlyList<DueTimer>> ClaimTimersAsync(Guid node, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Lets go of the timers this node claimed that are still there (a cycle's next occurrence, a firing that failed).</summary>
    Task ReleaseTimersAsync(Guid node, IReadOnlyList<Guid> timers, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending outbox rows due at <paramref name="now"/>, except <paramref name="held"/>:
    /// each claim counts the attempt and moves the row's due time to <paramref name="leaseUntil"/>, in one statement.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(Guid node, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        IReadOnlyCollection<Guid> held, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcomes of claimed rows in one statement and lets go of their claims: each row only while it is still
    /// pending with the attempt count its claim gave it (decision 0006; a row whose lease ran out and that another node took
    /// over keeps that node's record). Returns how many rows were recorded.
    /// </summary>
    Task<int> RecordOutboxAsync(Guid node, IReadOnlyList<OutboxResult> results, CancellationToken cancellationToken);

    /// <summary>Lets go of outbox rows this node claimed and did not record (their lease brings them back).</summary>
    Task FinishOutboxAsync(Guid node, IReadOnlyList<Guid> rows, CancellationToken cancellationToken);
}

/// <summary>A claimed timer: its id, the due time it was claimed at, and its instance (none for a timer start event).</summary>
internal readonly record struct DueTimer(Guid Id, DateTimeOffset DueAt, Guid? InstanceId);
