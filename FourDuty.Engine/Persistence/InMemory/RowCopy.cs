using System.Reflection;

namespace FourDuty.Engine.Persistence.InMemory;

/// <summary>Shallow copies of rows (all their fields are values or strings), so a session never shares a row with the store.</summary>
internal static class RowCopy
{
    private static readonly Func<object, object> ShallowClone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public static T Of<T>(T row)
        where T : class => (T)ShallowClone(row);

    public static List<T> Of<T>(IEnumerable<T> rows)
        where T : class => rows.Select(Of).ToList();
}
