using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// The one statement that reads instances and everything running in them: a <c>UNION ALL</c> of one <c>SELECT</c> per
/// table, the first column naming the table, each table's columns in slots of their type (a uuid column in a uuid slot)
/// and NULL in the slots it has no column for. A statement per table cost PostgreSQL and Npgsql a portal, an executor
/// and a reply each, for tables most of which hold nothing for the instance (timers, subscriptions, jobs, incidents); as
/// one statement they cost one (decision 0034). PostgreSQL itself finds the instance a task or link belongs to, once, in
/// the statement's <c>WITH owner</c> part, so the client waits for one answer only. Built once per way of picking and kept
/// on the model, like <see cref="RowShape"/>.
/// </summary>
internal sealed class InstanceLoadStatement
{
    // The model annotation of each way of picking, named once rather than on every load.
    private static readonly string[] Annotations = Enum.GetNames<Pick>().Select(p => "FourDuty:InstanceLoadStatement:" + p).ToArray();

    private readonly Reader?[] _readers = new Reader?[PartCount];

    /// <summary>How the instances are picked.</summary>
    public enum Pick
    {
        ByIds,
        ByTask,
        ByTaskLink,
    }

    /// <summary>The tables read, in the order of their SELECTs; the number is the value of the first column.</summary>
    public enum Part
    {
        Link,
        Instance,
        Token,
        Scope,
        Variable,
        Task,
        Timer,
        Subscription,
        Job,
        Incident,
    }

    private const int PartCount = (int)Part.Incident + 1;

    private InstanceLoadStatement(IModel model, Pick pick)
    {
        var tasks = Shape<UserTaskRecord>(model).Table;
        var links = Shape<TaskLinkRecord>(model).Table;
        var taskId = pick == Pick.ByTaskLink ? $"(SELECT task_id FROM {links} WHERE token_hash = $1)" : "$1";
        // A task or link names the instance: looked up once, by the statement's WITH part, for all the SELECTs.
        var owners = pick == Pick.ByIds ? "= ANY($1)" : "= (SELECT instance_id FROM owner)";
        var parts = new List<(Part Part, RowShape Shape, string Where)>();
        if (pick == Pick.ByTaskLink)
        {
            parts.Add((Part.Link, Shape<TaskLinkRecord>(model), "\"token_hash\" = $1"));
        }

        parts.Add((Part.Instance, Shape<InstanceRecord>(model), $"\"id\" {owners}"));
        parts.Add((Part.Token, Shape<TokenRecord>(model), $"\"instance_id\" {owners}"));
        parts.Add((Part.Scope, Shape<ScopeRecord>(model), $"\"instance_id\" {owners}"));
        parts.Add((Part.Variable, Shape<VariableRecord>(model), $"\"instance_id\" {owners}"));
        // The instance's open tasks and, when a task picked the instance, that task in whatever state: read once.
        parts.Add((Part.Task, Shape<UserTaskRecord>(model), $"\"instance_id\" {owners}" + (pick == Pick.ByIds
            ? $" AND status = '{UserTaskStatus.Open}'"
            : $" AND (status = '{UserTaskStatus.Open}' OR id = {taskId})")));
        parts.Add((Part.Timer, Shape<TimerRecord>(model), $"\"instance_id\" {owners}"));
        parts.Add((Part.Subscription, Shape<SubscriptionRecord>(model), $"\"instance_id\" {owners}"));
        parts.Add((Part.Job, Shape<JobRecord>(model), $"\"instance_id\" {owners}"));
        parts.Add((Part.Incident, Shape<IncidentRecord>(model), $"\"instance_id\" {owners}"));

        // Each table's columns go to slots of their type, the n-th column of a type to the n-th slot of that type, so the
        // row is as wide as the widest table per type rather than all tables together.
        var slots = new List<string>();
        foreach (var (part, shape, _) in parts)
        {
            var used = new Dictionary<string, int>();
            var positions = new int[shape.Columns.Count];
            for (var c = 0; c < shape.Columns.Count; c++)
            {
                var type = BaseType(shape.Columns[c].StoreType);
                var n = used[type] = used.GetValueOrDefault(type) + 1;
                var slot = IndexOfNth(slots, type, n);
                if (slot < 0)
                {
                    slots.Add(type);
                    slot = slots.Count - 1;
                }

                positions[c] = slot + 1;
            }

            _readers[(int)part] = new Reader(shape, positions);
        }

        var sql = new StringBuilder(pick == Pick.ByIds ? "" : $"WITH owner AS (SELECT instance_id FROM {tasks} WHERE id = {taskId}) ");
        for (var p = 0; p < parts.Count; p++)
        {
            var (part, shape, where) = parts[p];
            var columns = new string[slots.Count];
            var positions = _readers[(int)part]!.Positions;
            for (var c = 0; c < shape.Columns.Count; c++)
            {
                columns[positions[c] - 1] = shape.Columns[c].Name;
            }

            // The first SELECT types every slot; the others' NULLs take the type from it.
            sql.Append(p == 0 ? "SELECT " : " UNION ALL SELECT ").Append((int)part);
            for (var s = 0; s < slots.Count; s++)
            {
                sql.Append(", ").Append(columns[s] ?? (p == 0 ? $"NULL::{slots[s]}" : "NULL"));
            }

            sql.Append(" FROM ").Append(shape.Table).Append(" WHERE ").Append(where);
        }

        Sql = sql.ToString();
    }

    /// <summary>The statement's text; its one parameter is the instance ids, the task id or the link's token hash.</summary>
    public string Sql { get; }

    /// <summary>The statement for one way of picking, made once per model.</summary>
    public static InstanceLoadStatement Of(IModel model, Pick pick) =>
        model.GetOrAddRuntimeAnnotationValue(Annotations[(int)pick], m => new InstanceLoadStatement(m!, pick), model);

    /// <summary>Where <see cref="ReadRow"/> puts the rows: one list per <see cref="Part"/>.</summary>
    public static List<object>[] NewResult() => Enumerable.Range(0, PartCount).Select(_ => new List<object>()).ToArray();

    /// <summary>Reads the current row into the list of the table it came from.</summary>
    public void ReadRow(DbDataReader reader, List<object>[] into)
    {
        var part = reader.GetInt32(0);
        into[part].Add(_readers[part]!.Read(reader));
    }

    private static RowShape Shape<T>(IModel model) => RowShape.Of(model.FindEntityType(typeof(T))!);

    // "character varying(255)" and "character varying(40)" share slots as "character varying".
    private static string BaseType(string storeType) => storeType.IndexOf('(') is var open and > 0 ? storeType[..open] : storeType;

    private static int IndexOfNth(List<string> slots, string type, int n)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i] == type && --n == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // Makes one row of a table from its columns' slots in the wide row.
    private sealed class Reader(RowShape shape, int[] positions)
    {
        private readonly Func<object> _create = Expression.Lambda<Func<object>>(Expression.New(shape.ClrType)).Compile();

        /// <summary>The reader's column index of each of the table's columns.</summary>
        public int[] Positions => positions;

        public object Read(DbDataReader reader)
        {
            var row = _create();
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var column = shape.Columns[i];
                column.Set(row, column.FromColumn(reader.GetValue(positions[i])));
            }

            return row;
        }
    }
}
