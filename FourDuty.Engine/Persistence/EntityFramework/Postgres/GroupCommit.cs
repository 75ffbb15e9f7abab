using Npgsql;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// Lets the steps of one engine that are ready to write at the same moment share one round trip and one commit, as
/// PostgreSQL's own group commit shares one WAL flush (decision 0035). At most <see cref="Writers"/> writes are under way
/// at once; a step that finds them all busy waits in line, and when a write ends, the first step in line takes the others
/// waiting (up to <see cref="MostSteps"/>) and writes them all as one batch — one implicit transaction — on its own
/// connection: no writer thread, no hop but the waiters' wake-up. Each step stays all or nothing: if the shared
/// transaction fails (a lost race, a unique key), it rolls back for all, and every step of it writes again alone and
/// gets its own outcome. A step alone, or one whose connection is already open, writes as it did without this.
/// </summary>
internal sealed class GroupCommit
{
    private readonly object _gate = new();
    private readonly Queue<Waiting> _line = new();
    private int _writing;

    /// <summary>Writes at once, at most: one per core, so that writing never takes every core from the reads.</summary>
    public int Writers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Steps in one shared write, at most.</summary>
    public int MostSteps { get; init; } = 16;

    /// <summary>
    /// Writes one step's statements, with others' if they are waiting. Returns once they are committed; throws what the
    /// step's own write, alone, threw.
    /// </summary>
    /// <param name="connection">The step's connection: closed unless the step holds it (then it writes alone on it).</param>
    /// <param name="commands">The step's statements.</param>
    /// <param name="again">Makes the step's statements anew, for the write alone after a shared one failed.</param>
    /// <param name="cancellationToken">Cancels the step's own write; a shared write, once begun, is not cancelled by one step.</param>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> commands, Func<IReadOnlyList<NpgsqlBatchCommand>> again,
        CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Closed)
        {
            // Waiting while holding a connection could starve the pool a leader needs: write alone, now.
            await ExecuteAsync(connection, commands, cancellationToken);
            return;
        }

        var step = new Waiting(connection, commands, again);
        lock (_gate)
        {
            if (_writing < Writers)
            {
                _writing++;
                step.Turn.SetResult(Turn.Lead);
            }
            else
            {
                _line.Enqueue(step);
            }
        }

        var turn = await step.Turn.Task;
        if (turn == Turn.Written)
        {
            return;
        }

        if (turn == Turn.Alone)
        {
            await ExecuteAsync(connection, again(), cancellationToken);
            return;
        }

        await LeadAsync(step, cancellationToken);
    }

    // Writes the step and those in line behind it, hands the turn on, and tells each how it went.
    private async Task LeadAsync(Waiting leader, CancellationToken cancellationToken)
    {
        var group = new List<Waiting> { leader };
        lock (_gate)
        {
            while (group.Count < MostSteps && _line.TryDequeue(out var next))
            {
                group.Add(next);
            }
        }

        Exception? failure = null;
        try
        {
            await ExecuteAsync(leader.Connection, group.Count == 1 ? leader.Commands : group.SelectMany(s => s.Commands).ToList(),
                group.Count == 1 ? cancellationToken : CancellationToken.None);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // The next in line leads the next write; the writes under way stay as many.
        lock (_gate)
        {
            if (_line.TryDequeue(out var next))
            {
                next.Turn.SetResult(Turn.Lead);
            }
            else
            {
                _writing--;
            }
        }

        for (var i = 1; i < group.Count; i++)
        {
            group[i].Turn.SetResult(failure is null ? Turn.Written : Turn.Alone);
        }

        if (failure is null)
        {
            return;
        }

        if (group.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        // The shared transaction rolled back for all: this step's own outcome comes from writing it alone.
        await ExecuteAsync(leader.Connection, leader.Again(), cancellationToken);
    }

    /// <summary>Runs the statements as one batch — one round trip, one implicit transaction — opening the connection for it if closed.</summary>
    internal static async Task ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private enum Turn
    {
        Lead,
        Written,
        Alone,
    }

    // A step in line: its connection, its statements and how to make them anew, and what it is told when its turn comes.
    private sealed class Waiting(NpgsqlConnection connection, IReadOnlyList<NpgsqlBatchCommand> commands, Func<IReadOnlyList<NpgsqlBatchCommand>> again)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public IReadOnlyList<NpgsqlBatchCommand> Commands { get; } = commands;

        public Func<IReadOnlyList<NpgsqlBatchCommand>> Again { get; } = again;

        public TaskCompletionSource<Turn> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
