using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.resolveSubject</c>: who is around the subject in <c>subjectId</c> (or <c>subject</c>). Out: <c>owner</c>,
/// <c>supervisingLeader</c>, <c>firstResponsible</c>, <c>disciplineSecretary</c>, <c>subjectName</c>, <c>subjectKind</c>.
/// Reads only.
/// </summary>
internal sealed class ResolveSubjectHandler(PeopleResolver people) : IServiceTaskHandler
{
    public string Type => "duty.resolveSubject";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var input = new HandlerInput(context);
        var id = input.SubjectId();
        var around = people.Around(id) ?? throw input.Wrong("subjectId", "the id of a subject in the organisation file", JsonValue.Create(id));
        return Task.FromResult(DutyWrites.Result(DutyWrites.Vars(
            ("owner", around.Owner), ("supervisingLeader", around.SupervisingLeader), ("firstResponsible", around.FirstResponsible),
            ("disciplineSecretary", around.DisciplineSecretary), ("subjectName", around.Subject.Name), ("subjectKind", around.Subject.Kind.ToString()))));
    }
}
