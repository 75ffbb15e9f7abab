using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>
/// Walks a form-js component tree into the data shape it submits (<see cref="DataNode"/>s): value components become
/// fields, groups with a path and dotted keys become nested objects, dynamic lists become lists of entries, pages and
/// path-less groups are transparent, and layout components are skipped.
/// </summary>
internal static class FormReader
{
    /// <summary>Components that show something and hold no value.</summary>
    private static readonly FrozenSet<string> LayoutTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "html", "spacer", "separator", "image", "button", "iframe", "table", "documentPreview",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> UnsupportedTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["expression"] = "an expression field computes its value with FEEL in the browser, and the server can neither compute "
            + "nor check it; compute the value in the process instead (a script task or an output mapping)",
        ["filepicker"] = "file uploads are not supported by task forms; link evidence by URL in a text field or a dynamic list instead",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FormSchema? Read(JsonNode? root, FormParseContext context)
    {
        if (root is not JsonObject form || form["components"] is not JsonArray components)
        {
            context.Error(FormCodes.SchemaNotAForm, root is JsonObject ? "$.components" : "$", null,
                "This is not a form-js form: it must be a JSON object with a 'components' list, as the form editor saves it.");
            return null;
        }

        var tree = new ObjectNode("", null);
        ReadComponents(components, "$.components", new Scope(tree, "", false), context);
        var version = JsonValues.TryGetNumber(form["schemaVersion"], out var number) && number == decimal.Truncate(number) && number is > 0 and < int.MaxValue
            ? (int?)number
            : null;
        return new FormSchema(JsonValues.StringOrNull(form["id"]), version, tree, Flatten(tree), context.Limits);
    }

    /// <summary>Where components being read put their values.</summary>
    /// <param name="Target">The object their keys are relative to.</param>
    /// <param name="Prefix">The dotted path of <paramref name="Target"/> from the form or list entry, for field keys.</param>
    /// <param name="Conditional">True inside a container hidden by a condition.</param>
    private sealed record Scope(ObjectNode Target, string Prefix, bool Conditional);

    private static void ReadComponents(JsonArray components, string path, Scope scope, FormParseContext context)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (++context.ComponentCount > context.Limits.MaxComponents)
            {
                if (context.ComponentCount == context.Limits.MaxComponents + 1)
                {
                    context.Error(FormCodes.SchemaTooManyComponents, $"{path}[{i}]", null,
                        $"The form has more than {context.Limits.MaxComponents:N0} components; split it into several forms.");
                }

                return;
            }

            var itemPath = $"{path}[{i}]";
            if (components[i] is not JsonObject component)
            {
                context.Error(FormCodes.SchemaProperty, itemPath, null,
                    $"Each component must be a JSON object; given {JsonValues.Echo(components[i])}.");
                continue;
            }

            ReadComponent(component, itemPath, scope, context);
        }
    }

    private static void ReadComponent(JsonObject component, string path, Scope scope, FormParseContext context)
    {
        var id = JsonValues.StringOrNull(component["id"]);
        var type = JsonValues.StringOrNull(component["type"]);
        if (string.IsNullOrEmpty(type))
        {
            context.Error(FormCodes.SchemaProperty, path + ".type", id, "The component has no 'type'; every form-js component names its type, such as 'textfield'.");
            return;
        }

        if (LayoutTypes.Contains(type))
        {
            return;
        }

        if (UnsupportedTypes.TryGetValue(type, out var reason))
        {
            context.Error(FormCodes.SchemaUnsupported, path, id,
                $"The component '{ComponentReader.LabelOf(component, null, id ?? type)}' has the type '{type}', which is not supported: {reason}.");
            return;
        }

        switch (type)
        {
            case "group" or "page" or "multipage" or "dynamiclist":
                ReadContainer(component, type, path, id, scope, context);
                return;
        }

        var fieldType = ComponentReader.FieldType(type, component);
        if (fieldType is null)
        {
            context.Warning(FormCodes.SchemaUnknownType, path, id,
                $"The component type '{JsonValues.Shorten(type)}' is unknown to the engine; the component is ignored, "
                + "and a value submitted for it is refused as an unknown field.");
            return;
        }

        var key = JsonValues.StringOrNull(component["key"]);
        if (BadName(key, "key", type, path, id, context, allowEmpty: false))
        {
            return;
        }

        var field = ComponentReader.Read(component, fieldType.Value, path, key!, FormKeys.Join(scope.Prefix, key!), scope.Conditional, context);
        var segments = key!.Split('.');
        var parent = Descend(scope.Target, segments[..^1], path, id, context);
        if (parent is not null && Claim(parent, segments[^1], path, id, context))
        {
            parent.Add(new ValueNode(segments[^1], field));
        }
    }

    private static void ReadContainer(JsonObject component, string type, string path, string? id, Scope scope, FormParseContext context)
    {
        var conditional = scope.Conditional
            || (component["conditional"] is JsonObject condition && JsonValues.StringOrNull(condition["hide"]) is { Length: > 0 });
        var children = component["components"] as JsonArray ?? [];
        var dataPath = JsonValues.StringOrNull(component["path"]) ?? "";
        if (type is "page" or "multipage")
        {
            dataPath = "";
        }

        if (type != "dynamiclist")
        {
            if (dataPath.Length > 0 && BadName(dataPath, "path", type, path, id, context, allowEmpty: true))
            {
                return;
            }

            var target = dataPath.Length == 0 ? scope.Target : Descend(scope.Target, dataPath.Split('.'), path, id, context);
            if (target is not null)
            {
                ReadComponents(children, path + ".components", new Scope(target, FormKeys.Join(scope.Prefix, dataPath), conditional), context);
            }

            return;
        }

        if (BadName(component["path"] is null ? null : dataPath, "path", type, path, id, context, allowEmpty: false))
        {
            return;
        }

        var segments = dataPath.Split('.');
        var parent = Descend(scope.Target, segments[..^1], path, id, context);
        if (parent is null || !Claim(parent, segments[^1], path, id, context))
        {
            return;
        }

        var label = ComponentReader.LabelOf(component, null, dataPath);
        var list = new ListNode(segments[^1], id, label, new ObjectNode("", id));
        parent.Add(list);
        ReadComponents(children, path + ".components", new Scope(list.Item, "", conditional), context);
        list.Field = new FormField(FormFieldType.DynamicList, FormKeys.Join(scope.Prefix, dataPath), label, new FieldRules(), null)
        {
            ComponentId = id,
            Description = JsonValues.StringOrNull(component["description"]),
            Fields = Flatten(list.Item),
        };
    }

    /// <summary>Reports a missing or malformed key or path; true when it is bad.</summary>
    private static bool BadName(string? name, string what, string type, string path, string? id, FormParseContext context, bool allowEmpty)
    {
        if (name is null || (name.Length == 0 && !allowEmpty))
        {
            context.Error(FormCodes.SchemaKey, $"{path}.{what}", id,
                $"The {type} component{(id is null ? "" : $" '{id}'")} has no {what}; give it a {what} such as 'deadline', the name its value is stored under.");
            return true;
        }

        if (FormKeys.Check(name) is { } why)
        {
            context.Error(FormCodes.SchemaKey, $"{path}.{what}", id,
                $"The {what} '{JsonValues.Shorten(name)}' is not usable: {why}. Use names of ASCII letters, digits and underscores, "
                + "joined by dots for nesting, such as 'deadline' or 'address.street'.");
            return true;
        }

        return false;
    }

    /// <summary>Follows (creating where needed) the objects named by <paramref name="segments"/>; null when a value or list is in the way.</summary>
    private static ObjectNode? Descend(ObjectNode start, string[] segments, string path, string? id, FormParseContext context)
    {
        var node = start;
        foreach (var segment in segments)
        {
            switch (node.Find(segment))
            {
                case ObjectNode existing:
                    node = existing;
                    break;
                case null:
                    var created = new ObjectNode(segment, id);
                    node.Add(created);
                    node = created;
                    break;
                case var other:
                    Conflict(other, segment, path, id, context);
                    return null;
            }
        }

        return node;
    }

    /// <summary>True when <paramref name="name"/> is free in <paramref name="parent"/>; else reports who holds it.</summary>
    private static bool Claim(ObjectNode parent, string name, string path, string? id, FormParseContext context)
    {
        var existing = parent.Find(name);
        if (existing is null)
        {
            return true;
        }

        Conflict(existing, name, path, id, context);
        return false;
    }

    private static void Conflict(DataNode existing, string name, string path, string? id, FormParseContext context)
    {
        var holder = existing.ComponentId is null ? "another component" : $"the component '{existing.ComponentId}'";
        var kind = existing switch
        {
            ValueNode => "its value",
            ListNode => "its list",
            _ => "its group of values",
        };
        context.Error(FormCodes.SchemaKeyConflict, path, id,
            $"The name '{name}' is already used by {holder} for {kind}; give each field its own key, and do not nest a key inside another field's key.");
    }

    private static List<FormField> Flatten(ObjectNode node)
    {
        var fields = new List<FormField>();
        foreach (var child in node.Children)
        {
            switch (child)
            {
                case ValueNode value:
                    fields.Add(value.Field);
                    break;
                case ListNode list when list.Field is not null:
                    fields.Add(list.Field);
                    break;
                case ObjectNode inner:
                    fields.AddRange(Flatten(inner));
                    break;
            }
        }

        return fields;
    }
}
