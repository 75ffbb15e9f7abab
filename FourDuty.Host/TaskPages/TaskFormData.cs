using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.State;
using FourDuty.Engine.Runtime.Store;
using FourDuty.Engine.Runtime.Tasks;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// What a task's form opens with: for each field of the form, the value the task can already see (its own scope, then
/// the enclosing ones up to the instance, as an expression would read it) — what a service task loaded from the domain
/// before the task (a subject's current lists) or what was typed in an earlier task on the same record (a rectification
/// sent back). What a leader typed once is shown again, never asked twice. As Camunda 7's <c>GET /task/{id}/form-variables</c>.
/// </summary>
internal static class TaskFormData
{
    /// <summary>The form's keys with the values visible to <paramref name="task"/>; a key nobody set yet (or set empty) is left out.</summary>
    public static async Task<JsonObject> ReadAsync(ProcessEngine engine, UserTaskRecord task, TaskForm form, CancellationToken cancellationToken)
    {
        var data = new JsonObject();
        if (await engine.Queries.GetInstanceAsync(task.InstanceId, cancellationToken) is not { } snapshot)
        {
            return data;
        }

        // The top-level key of each field: a dynamic list's path, a grouped field's first segment.
        var keys = form.Schema.Fields.Select(f => f.Key.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        // A dynamic list's rows keep only the entry's own fields (a stored item carries more), so the form submits back what it shows.
        var entries = form.Schema.Fields.Where(f => f.Type == FourDuty.Engine.Forms.FormFieldType.DynamicList)
            .ToDictionary(f => f.Key, f => f.Fields.Select(e => e.Key.Split('.')[0]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var id in Chain(snapshot, task.TokenId))
        {
            foreach (var variable in snapshot.Variables.Where(v => v.ScopeId == id && keys.Contains(v.Name) && !data.ContainsKey(v.Name)))
            {
                if (JsonNode.Parse(variable.Json) is { } value && !(value is JsonValue && value.ToString().Length == 0))
                {
                    data[variable.Name] = entries.TryGetValue(variable.Name, out var own) && value is JsonArray rows
                        ? new JsonArray(rows.Select(row => row is JsonObject entry
                            ? new JsonObject(entry.Where(p => own.Contains(p.Key) && p.Value is not null).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value!.DeepClone())))
                            : row?.DeepClone()).ToArray())
                        : value;
                }
            }
        }

        return data;
    }

    // The scopes the task's token sees, nearest first, as the engine reads variables: the task's own input parameters, then
    // its scope chain, where a subprocess's input parameters (the activity scope of the token that entered it) follow the
    // subprocess — which is how each instance of a multi-instance subprocess keeps its own values.
    private static IEnumerable<Guid> Chain(InstanceSnapshot snapshot, Guid tokenId)
    {
        IEnumerable<Guid> ActivityScopesOf(Guid? owner) =>
            snapshot.Scopes.Where(s => s.Kind == ScopeKind.Activity && owner is not null && s.OwnerTokenId == owner).Select(s => s.Id);

        foreach (var id in ActivityScopesOf(tokenId))
        {
            yield return id;
        }

        var byId = snapshot.Scopes.ToDictionary(s => s.Id);
        var start = snapshot.Tokens.FirstOrDefault(t => t.Id == tokenId)?.ScopeId ?? snapshot.Scopes.FirstOrDefault(s => s.ParentScopeId is null)?.Id;
        for (var scope = start is { } first ? byId.GetValueOrDefault(first) : null; scope is not null;
             scope = scope.ParentScopeId is { } parent ? byId.GetValueOrDefault(parent) : null)
        {
            yield return scope.Id;
            if (scope.Kind == ScopeKind.SubProcess)
            {
                foreach (var id in ActivityScopesOf(scope.OwnerTokenId))
                {
                    yield return id;
                }
            }
        }
    }
}
