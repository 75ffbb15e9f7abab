using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.cadreAuthority</c>: who holds a reminder talk with the owner of the subject in <c>subjectId</c>, under
/// cadre-management authority (Art. 17, 27). Out: <c>holder</c>, <c>assistant</c>, <c>reportUpward</c> (true for a principal
/// leader), <c>upperBody</c> (the person upward reports go to, when the organisation names one), <c>talkWith</c> (the
/// person talked with), <c>subjectName</c>. Reads only.
/// </summary>
internal sealed class CadreAuthorityHandler(PeopleResolver people, PeopleDirectory directory) : IServiceTaskHandler
{
    public string Type => "duty.cadreAuthority";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var input = new HandlerInput(context);
        var subjectId = input.SubjectId();
        var around = people.Around(subjectId) ?? throw input.Wrong("subjectId", "the id of a subject in the organisation file", JsonValue.Create(subjectId));
        var authority = directory.Current.AuthorityOver(around.Owner)
            ?? throw new InvalidOperationException(
                $"The organisation file gives nobody cadre-management authority over '{around.Owner}' (owner of {subjectId}): add a cadreAuthority rule for them and retry.");
        return Task.FromResult(DutyWrites.Result(DutyWrites.Vars(
            ("holder", authority.HolderId), ("assistant", authority.AssistantId), ("reportUpward", authority.ReportUpward),
            ("upperBody", directory.Current.UpperBody?.HeadId), ("talkWith", around.Owner), ("subjectName", around.Subject.Name))));
    }
}
