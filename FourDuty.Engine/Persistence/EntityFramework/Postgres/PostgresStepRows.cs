using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// A step's rows on PostgreSQL, tracked here instead of by Entity Framework (as Camunda 7's DbEntityManager tracks its own):
/// a row read to be changed keeps a snapshot of its column values, a new row is listed, a removed one marked, and
/// <see cref="PostgresStepWriter"/> writes the differences in one batch. Entity Framework still maps the rows and runs the
/// queries; its change tracker (an entry, a snapshot and an identity-map slot per row, and a scan of them all at commit)
/// cost more than the rest of a start step's own work, for a step that adds six rows and changes two.
/// </summary>
/// <param name="db">The step's context: its connection and model.</param>
/// <param name="groups">The engine's <see cref="GroupCommit"/>; without one the step writes alone.</param>
internal sealed class PostgresStepRows(EngineDbContext db, GroupCommit? groups = null) : IStepRows
{
    // Every tracked row in the order the step met it, so that rows of a kind are written in the order they were made.
    private readonly Dictionary<object, TrackedRow> _rows = new(ReferenceEqualityComparer.Instance);

    // One object per stored row: a row read twice comes back as the object the step already changes.
    private readonly Dictionary<(Type Type, object Key), object> _byKey = [];

    /// <summary>The connection the step reads and writes on.</summary>
    public EngineDbContext Db => db;

    /// <summary>A row read from the database, tracked from now on; if the step already holds that row, the object it holds.</summary>
    public T Attach<T>(T row)
        where T : class
    {
        var shape = Shape(row);
        var key = (row.GetType(), shape.Key.Get(row)!);
        if (_byKey.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        _byKey[key] = row;
        _rows[row] = new TrackedRow(row, shape, shape.Snapshot(row));
        return row;
    }

    public async Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class =>
        await query.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } row ? Attach(row) : null;

    public async Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class =>
        (await query.AsNoTracking().ToListAsync(cancellationToken)).Select(Attach).ToList();

    public void Add(object row)
    {
        if (_rows.TryGetValue(row, out var tracked))
        {
            // Removed and added again in one step: it stays, as whatever it holds now.
            tracked.Removed = false;
            return;
        }

        var shape = Shape(row);
        _byKey[(row.GetType(), shape.Key.Get(row)!)] = row;
        _rows[row] = new TrackedRow(row, shape, original: null);
    }

    public void Remove(object row)
    {
        if (!_rows.TryGetValue(row, out var tracked))
        {
            Attach(row);
            tracked = _rows[row];
        }

        if (tracked.Original is null)
        {
            // Added by this step: the database never sees it.
            _rows.Remove(row);
            _byKey.Remove((row.GetType(), tracked.Shape.Key.Get(row)!));
            return;
        }

        tracked.Removed = true;
    }

    public IEnumerable<T> Local<T>()
        where T : class =>
        _rows.Values.Where(r => !r.Removed).Select(r => r.Row).OfType<T>();

    public IReadOnlySet<Guid> ChangedInstances()
    {
        var changed = new HashSet<Guid>();
        foreach (var row in _rows.Values)
        {
            if (!row.IsWritten)
            {
                continue;
            }

            if (row.Row is InstanceRecord instance)
            {
                changed.Add(instance.Id);
            }
            else if (row.Shape.InstanceId?.Get(row.Row) is Guid owner)
            {
                changed.Add(owner);
            }
        }

        return changed;
    }

    public void NewRevision(InstanceRecord instance) => instance.Revision++;

    public Task WriteAsync(CancellationToken cancellationToken)
    {
        var commands = PostgresStepWriter.Commands(this);
        if (commands.Count == 0)
        {
            return Task.CompletedTask;
        }

        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        return groups is null
            ? GroupCommit.ExecuteAsync(connection, commands, cancellationToken)
            : groups.WriteAsync(connection, commands, () => PostgresStepWriter.Commands(this), cancellationToken);
    }

    /// <summary>The rows read and changed, each with the columns that differ from what was read.</summary>
    public IEnumerable<(TrackedRow Row, IReadOnlyList<RowShape.Column> Changed)> Modified()
    {
        foreach (var row in _rows.Values)
        {
            if (row.Original is not null && !row.Removed && row.ChangedColumns() is { Count: > 0 } changed)
            {
                yield return (row, changed);
            }
        }
    }

    /// <summary>The rows the step added, in the order it added them.</summary>
    public IEnumerable<TrackedRow> Added() => _rows.Values.Where(r => r.Original is null);

    /// <summary>The rows read and then removed.</summary>
    public IEnumerable<TrackedRow> Removed() => _rows.Values.Where(r => r.Removed);

    private RowShape Shape(object row) =>
        RowShape.Of(db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not a stored row."));

    /// <summary>One tracked row: how it is stored, its values as read (null for a new row), and whether it is to be deleted.</summary>
    internal sealed class TrackedRow(object row, RowShape shape, object?[]? original)
    {
        public object Row { get; } = row;

        public RowShape Shape { get; } = shape;

        /// <summary>The column values as read, in <see cref="RowShape.Columns"/>' order; null for a row the step added.</summary>
        public object?[]? Original { get; } = original;

        public bool Removed { get; set; }

        /// <summary>Whether the commit writes anything for this row.</summary>
        public bool IsWritten => Original is null || Removed || HasChangedColumn();

        /// <summary>The value a column had when the row was read (the concurrency check's value); for a new row, its value now.</summary>
        public object? OriginalValue(RowShape.Column column) => Original is null ? column.Get(Row) : Original[Index(column)];

        private bool HasChangedColumn()
        {
            for (var i = 0; i < Original!.Length; i++)
            {
                if (Shape.Columns[i].Changed(Row, Original[i]))
                {
                    return true;
                }
            }

            return false;
        }

        public IReadOnlyList<RowShape.Column> ChangedColumns()
        {
            if (Original is null)
            {
                return [];
            }

            List<RowShape.Column>? changed = null;
            for (var i = 0; i < Original.Length; i++)
            {
                if (Shape.Columns[i].Changed(Row, Original[i]))
                {
                    (changed ??= []).Add(Shape.Columns[i]);
                }
            }

            return changed ?? (IReadOnlyList<RowShape.Column>)[];
        }

        private int Index(RowShape.Column column)
        {
            for (var i = 0; i < Shape.Columns.Count; i++)
            {
                if (ReferenceEquals(Shape.Columns[i], column))
                {
                    return i;
                }
            }

            throw new ArgumentException($"{column.Name} is not a column of {Shape.Table}.", nameof(column));
        }
    }
}
