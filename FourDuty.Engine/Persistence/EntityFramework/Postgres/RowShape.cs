using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
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
        Table = $"\"{type.GetSchema()}\".\"{type.GetTableName()}\"";
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        Columns = type.GetProperties().Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping())).ToList();
        Key = Columns.Single(c => c.Property.IsPrimaryKey());
        Tokens = Columns.Where(c => c.Property.IsConcurrencyToken).ToList();
        ColumnList = string.Join(", ", Columns.Select(c => c.Name));
    }

    public string Table { get; }

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The quoted column names, comma-separated, in <see cref="Columns"/>' order: a SELECT's or INSERT's list, made once.</summary>
    public string ColumnList { get; }

    public Column Key { get; }

    public IReadOnlyList<Column> Tokens { get; }

    public static RowShape Of(IEntityType type) => type.GetOrAddRuntimeAnnotationValue(Annotation, t => new RowShape(t!), type);

    /// <summary>One column: its name, and how a property value becomes a parameter value.</summary>
    internal sealed class Column(IProperty property, string name, RelationalTypeMapping mapping)
    {
        private readonly ValueConverter? _converter = property.GetValueConverter() ?? mapping.Converter;

        private readonly Action<object, object?> _setter = Setter(property.PropertyInfo!);

        public IProperty Property { get; } = property;

        public string Name { get; } = $"\"{name}\"";

        public string StoreType { get; } = mapping.StoreType;

        public object ToParameter(object? value) =>
            value is null ? DBNull.Value : (_converter is null ? value : _converter.ConvertToProvider(value)) ?? DBNull.Value;

        /// <summary>Sets the property on a row read by hand (a compiled setter, not reflection).</summary>
        public void Set(object row, object? value) => _setter(row, value);

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
