using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FourDuty.Engine.Persistence.EntityFramework.Postgres;

/// <summary>
/// How one entity type is stored, read once from the Entity Framework model: table, columns, key, concurrency tokens. The
/// shape is kept on the model itself (a runtime annotation of the entity type), so it lives and dies with the model and no
/// static table holds it.
/// </summary>
internal sealed class RowShape
{
    private const string Annotation = "FourDuty:RowShape";

    private RowShape(IEntityType type)
    {
        ClrType = type.ClrType;
        TableName = type.GetTableName()!;
        Table = $"\"{type.GetSchema()}\".\"{TableName}\"";
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        Columns = type.GetProperties().Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping())).ToList();
        Key = Columns.Single(c => c.Property.IsPrimaryKey());
        Tokens = Columns.Where(c => c.Property.IsConcurrencyToken).ToList();
        ColumnList = string.Join(", ", Columns.Select(c => c.Name));
        InstanceId = Columns.SingleOrDefault(c => c.Property.Name == "InstanceId");
    }

    /// <summary>The class of the rows.</summary>
    public Type ClrType { get; }

    /// <summary>The table, quoted and with its schema.</summary>
    public string Table { get; }

    /// <summary>The table's bare name, as errors name it.</summary>
    public string TableName { get; }

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The quoted column names, comma-separated, in <see cref="Columns"/>' order: a SELECT's or INSERT's list, made once.</summary>
    public string ColumnList { get; }

    public Column Key { get; }

    public IReadOnlyList<Column> Tokens { get; }

    /// <summary>The column naming the instance a row belongs to, if the row belongs to one.</summary>
    public Column? InstanceId { get; }

    /// <summary>Every column's value as the row holds it now, copied where the value could change in place.</summary>
    public object?[] Snapshot(object row)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].Snapshot(row);
        }

        return values;
    }

    public static RowShape Of(IEntityType type) => type.GetOrAddRuntimeAnnotationValue(Annotation, t => new RowShape(t!), type);

    /// <summary>One column: its name, and how a property value becomes a parameter value.</summary>
    internal sealed class Column(IProperty property, string name, RelationalTypeMapping mapping)
    {
        private readonly ValueConverter? _converter = property.GetValueConverter() ?? mapping.Converter;

        private readonly Action<object, object?> _setter = Setter(property.PropertyInfo!);

        private readonly Func<object, object?> _getter = Getter(property.PropertyInfo!);

        private readonly ValueComparer _comparer = property.GetValueComparer();

        public IProperty Property { get; } = property;

        public string Name { get; } = $"\"{name}\"";

        public string StoreType { get; } = mapping.StoreType;

        public object ToParameter(object? value) =>
            value is null ? DBNull.Value : (_converter is null ? value : _converter.ConvertToProvider(value)) ?? DBNull.Value;

        /// <summary>Sets the property on a row read by hand (a compiled setter, not reflection).</summary>
        public void Set(object row, object? value) => _setter(row, value);

        /// <summary>The property's value on a row (a compiled getter).</summary>
        public object? Get(object row) => _getter(row);

        /// <summary>The value now, as a copy that later changes to the row cannot alter (Entity Framework's comparer decides how).</summary>
        public object? Snapshot(object row) => _comparer.Snapshot(_getter(row));

        /// <summary>Whether the row's value differs from one taken by <see cref="Snapshot"/>.</summary>
        public bool Changed(object row, object? snapshot) => !_comparer.Equals(snapshot, _getter(row));

        public object? FromColumn(object value)
        {
            if (value is DBNull)
            {
                return null;
            }

            // Npgsql reads timestamptz as a UTC DateTime; the rows hold DateTimeOffset.
            if (value is DateTime utc && (Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType) == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            }

            return _converter is null ? value : _converter.ConvertFromProvider(value);
        }

        private static Func<object, object?> Getter(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var read = Expression.Convert(Expression.Property(Expression.Convert(row, property.DeclaringType!), property), typeof(object));
            return Expression.Lambda<Func<object, object?>>(read, row).Compile();
        }

        private static Action<object, object?> Setter(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Assign(Expression.Property(Expression.Convert(row, property.DeclaringType!), property),
                Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<object, object?>>(assign, row, value).Compile();
        }
    }
}
