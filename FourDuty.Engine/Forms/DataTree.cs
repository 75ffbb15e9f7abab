namespace FourDuty.Engine.Forms;

/// <summary>
/// The shape of the data a form submits: objects (the form, a group with a path, a dotted key's prefix), values
/// (fields) and lists (dynamic lists, each entry an object). Built once at parse time; the validator walks it
/// alongside the submission.
/// </summary>
internal abstract class DataNode(string name, string? componentId)
{
    /// <summary>The name of this node inside its parent object.</summary>
    public string Name { get; } = name;

    /// <summary>The component that made this node, for conflict messages.</summary>
    public string? ComponentId { get; } = componentId;
}

internal sealed class ObjectNode(string name, string? componentId) : DataNode(name, componentId)
{
    private readonly List<DataNode> _children = [];
    private readonly Dictionary<string, DataNode> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<DataNode> Children => _children;

    public bool Contains(string name) => _byName.ContainsKey(name);

    public DataNode? Find(string name) => _byName.GetValueOrDefault(name);

    public void Add(DataNode child)
    {
        _byName.Add(child.Name, child);
        _children.Add(child);
    }
}

internal sealed class ValueNode(string name, FormField field) : DataNode(name, field.ComponentId)
{
    public FormField Field { get; } = field;
}

internal sealed class ListNode(string name, string? componentId, string label, ObjectNode item) : DataNode(name, componentId)
{
    public string Label { get; } = label;

    /// <summary>The shape of one entry.</summary>
    public ObjectNode Item { get; } = item;

    /// <summary>The list as a field, set once its entry's fields are read.</summary>
    public FormField? Field { get; set; }
}
