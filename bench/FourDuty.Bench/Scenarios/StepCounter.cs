using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Counts what the engine asks of the database: <c>SaveChanges</c> calls and explicit transactions committed (from EF
/// Core's interceptors), round trips and the SQL statements in them, and the time they took. On PostgreSQL the
/// round trips are read from Npgsql's own tracing, because the engine writes a step as an <c>NpgsqlBatch</c> that EF
/// Core never sees; elsewhere from EF Core's command interceptor. While <see cref="Capture"/> is on it also keeps the
/// SQL text, to show what one step sends. Counting costs the process CPU and allocation on every command (an
/// <see cref="Activity"/> with its tags, the statements split out of the text), so a measured run turns it off
/// (<see cref="Counting"/>) and the figures come from a separate, counted run.
/// </summary>
internal sealed partial class StepCounter : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly ActivityListener? _npgsql;
    private long _saveChanges;
    private long _transactionsCommitted;
    private long _roundTrips;
    private long _reads;
    private long _statements;
    private long _commandTicks;
    private readonly ConcurrentQueue<CapturedCommand> _captured = new();

    /// <param name="npgsqlTraffic">Count round trips as Npgsql sends them (PostgreSQL), not as EF Core sends commands.</param>
    public StepCounter(bool npgsqlTraffic)
    {
        if (npgsqlTraffic)
        {
            _npgsql = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                    Counting || Capture ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
                ActivityStopped = activity => Count(SqlOf(activity), activity.Duration),
            };
            ActivitySource.AddActivityListener(_npgsql);
        }
    }

    /// <summary>Keep the SQL of every command from now on (one step at a time, or the list interleaves).</summary>
    public bool Capture { get; set; }

    /// <summary>Count commands (the default); off, the engine's commands pass with no tracing and nothing is counted.</summary>
    public bool Counting { get; set; } = true;

    public Counts Read() => new(
        Interlocked.Read(ref _saveChanges), Interlocked.Read(ref _transactionsCommitted), Interlocked.Read(ref _roundTrips),
        Interlocked.Read(ref _reads), Interlocked.Read(ref _statements), TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks)));

    /// <summary>The commands captured so far, and forget them.</summary>
    public IReadOnlyList<CapturedCommand> TakeCaptured()
    {
        var list = new List<CapturedCommand>();
        while (_captured.TryDequeue(out var sql))
        {
            list.Add(sql);
        }

        return list;
    }

    /// <summary>The statements in a command's text: EF writes each at the start of a line.</summary>
    public static IReadOnlyList<string> Statements(string commandText) =>
        StatementStart().Matches(commandText).Select(m => commandText[m.Index..NextStart(commandText, m.Index)].Trim()).ToList();

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saveChanges);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Interlocked.Increment(ref _saveChanges);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _transactionsCommitted);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Interlocked.Increment(ref _transactionsCommitted);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Count(command, eventData);
        return result;
    }

    public void Dispose() => _npgsql?.Dispose();

    private void Count(DbCommand command, CommandExecutedEventData eventData)
    {
        if (_npgsql is null)
        {
            Count(command.CommandText, eventData.Duration);
        }
    }

    private void Count(string sql, TimeSpan duration)
    {
        if (!Counting && !Capture)
        {
            return;
        }

        Interlocked.Increment(ref _roundTrips);
        var statements = Statements(sql);
        Interlocked.Add(ref _statements, statements.Count);
        if (!statements.Any(s => Write().IsMatch(s)))
        {
            Interlocked.Increment(ref _reads);
        }

        Interlocked.Add(ref _commandTicks, duration.Ticks);
        if (Capture)
        {
            _captured.Enqueue(new CapturedCommand(sql));
        }
    }

    // Npgsql names the text by the OpenTelemetry convention of its version; a batch's statements come one per line.
    private static string SqlOf(Activity activity) =>
        (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? "";

    // A statement that changes rows: one, or a WITH whose parts do (a step's write, decision 0034); a read's WITH only selects.
    [GeneratedRegex(@"^(INSERT|UPDATE|DELETE)\b|\bAS \((INSERT|UPDATE|DELETE)\b")]
    private static partial Regex Write();

    private static int NextStart(string text, int from)
    {
        var next = StatementStart().Match(text, from + 1);
        return next.Success ? next.Index : text.Length;
    }

    // A statement starts a line (EF puts subqueries on indented lines): SELECT, INSERT, UPDATE, DELETE, or a SQLite RETURNING-less insert.
    [GeneratedRegex(@"^(SELECT|INSERT|UPDATE|DELETE|WITH)\b", RegexOptions.Multiline)]
    private static partial Regex StatementStart();
}

/// <summary>The text of one round trip.</summary>
internal sealed record CapturedCommand(string Text);

/// <summary>Totals since the counter was made; subtract two readings for a run.</summary>
internal sealed record Counts(long SaveChanges, long TransactionsCommitted, long RoundTrips, long Reads, long Statements, TimeSpan CommandTime)
{
    public static Counts operator -(Counts a, Counts b) => new(a.SaveChanges - b.SaveChanges, a.TransactionsCommitted - b.TransactionsCommitted,
        a.RoundTrips - b.RoundTrips, a.Reads - b.Reads, a.Statements - b.Statements, a.CommandTime - b.CommandTime);
}
