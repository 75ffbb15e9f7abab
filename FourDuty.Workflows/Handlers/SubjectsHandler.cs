using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.subjects</c>: the subjects a multi-instance runs over, in the organisation's order, optionally only those of
/// the kinds in the property <c>kinds</c> (e.g. <c>DualDuty,Supervisor</c>). Result (and variable <c>subjects</c>): a list
/// of <c>{ id, name, kind, owner, supervisingLeader, firstResponsible, disciplineSecretary }</c>. Reads only.
/// </summary>
internal sealed class SubjectsHandler(PeopleResolver people, PeopleDirectory directory) : IServiceTaskHandler
{
    public string Type => "duty.subjects";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var input = new HandlerInput(context);
        var kinds = (input.Property("kinds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<DutyKind>(k, out var kind) && Enum.IsDefined(kind) ? kind
                : throw input.Wrong("kinds", $"a list of subject kinds ({string.Join(", ", Enum.GetNames<DutyKind>())})", JsonValue.Create(k)))
            .ToHashSet();
        var subjects = new JsonArray(directory.Current.Subjects.Where(s => kinds.Count == 0 || kinds.Contains(s.Kind))
            .Select(s => (JsonNode)SubjectJson.Of(people.Around(s.Id)!)).ToArray());
        return Task.FromResult(new ServiceTaskResult { Result = subjects, Variables = DutyWrites.Result(DutyWrites.Vars(("subjects", subjects.DeepClone()))).Variables });
    }
}

/// <summary>A subject as handlers hand it to models.</summary>
internal static class SubjectJson
{
    public static JsonObject Of(SubjectPeople around) => new()
    {
        ["id"] = around.Subject.Id,
        ["name"] = around.Subject.Name,
        ["kind"] = around.Subject.Kind.ToString(),
        ["owner"] = around.Owner,
        ["supervisingLeader"] = around.SupervisingLeader,
        ["firstResponsible"] = around.FirstResponsible,
        ["disciplineSecretary"] = around.DisciplineSecretary,
    };
}
