using Acornima;
using Acornima.Ast;

namespace FourDuty.Engine.Expressions;

/// <summary>The names an expression may read as variables: every identifier that is not a property name.</summary>
internal static class FreeIdentifiers
{
    public static IReadOnlyList<string> Of(Node node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, names);
        return names.ToArray();
    }

    public static IReadOnlyList<string> OfScript(string script) => Of(new Parser().ParseScript(script));

    private static void Collect(Node node, HashSet<string> names)
    {
        switch (node)
        {
            case Identifier identifier:
                names.Add(identifier.Name);
                return;
            case MemberExpression { Computed: false } member:
                Collect(member.Object, names);
                return;
            case Property { Computed: false } property:
                Collect(property.Value, names);
                return;
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, names);
        }
    }
}
