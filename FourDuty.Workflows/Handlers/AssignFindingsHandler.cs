using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.assignFindings</c>: the special meeting's split (Art. 16, 25), from <c>feedbackId</c> and <c>assignments</c>
/// (rows of <c>{ finding (id or number), subject, leader?, department?, area?, deadline }</c>). The responsible leader
/// defaults to the leader of the area, else the subject's supervising leader, else its owner. Out: <c>findings</c>, each
/// <c>{ id, number, text, subject, subjectName, leader, department, deadline, owner, supervisingLeader, firstResponsible,
/// disciplineSecretary }</c>: the collection a multi-instance rectification runs over.
/// </summary>
internal sealed class AssignFindingsHandler(DutyWrites writes, PeopleDirectory directory, PeopleResolver people) : DutyWriteHandler(writes)
{
    public override string Type => "duty.assignFindings";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var feedbackId = input.RequiredGuid("feedbackId", "the id duty.recordFeedback gave the feedback");
        var findings = await db.Findings.Where(f => f.FeedbackId == feedbackId).OrderBy(f => f.Number).ToListAsync(cancellationToken);
        var errors = new List<FormFieldError>();
        var rows = FindingRules.Assignments(input.Value("assignments"), findings, directory.Current, errors);
        Refuse.IfAny(input, errors);
        foreach (var row in rows)
        {
            var finding = row.Finding;
            var around = people.Around(row.SubjectId)!;
            finding.SubjectId = row.SubjectId;
            finding.Area = row.Area;
            finding.LeaderId = row.Leader ?? directory.Current.Areas.FirstOrDefault(a => a.Name == row.Area)?.LeaderId ?? around.SupervisingLeader ?? around.Owner;
            finding.Department = row.Department;
            finding.Deadline = row.Deadline;
            finding.State = finding.State == FindingState.Recorded ? FindingState.Assigned : finding.State;
            finding.UpdatedAt = now;
        }

        return DutyWrites.Vars(("findings", new JsonArray(findings.Where(f => f.SubjectId is not null).Select(f => (JsonNode)FindingJson.Of(f, people)).ToArray())));
    }
}

/// <summary>A finding as handlers hand it to models.</summary>
internal static class FindingJson
{
    public static JsonObject Of(Finding finding, PeopleResolver people)
    {
        var around = finding.SubjectId is null ? null : people.Around(finding.SubjectId);
        return new JsonObject
        {
            ["id"] = finding.Id.ToString(),
            ["number"] = finding.Number,
            ["text"] = finding.Text,
            ["subject"] = finding.SubjectId,
            ["subjectName"] = around?.Subject.Name,
            ["leader"] = finding.LeaderId,
            ["department"] = finding.Department,
            ["deadline"] = finding.Deadline?.ToString("yyyy-MM-dd"),
            ["owner"] = around?.Owner,
            ["supervisingLeader"] = around?.SupervisingLeader,
            ["firstResponsible"] = around?.FirstResponsible,
            ["disciplineSecretary"] = around?.DisciplineSecretary,
        };
    }
}

/// <summary>The rules of the special meeting's split: each row names a finding of the feedback, a known subject and leader, and a deadline.</summary>
internal static class FindingRules
{
    public sealed record Assignment(Finding Finding, string SubjectId, string? Leader, string? Department, string? Area, DateOnly? Deadline);

    public static List<Assignment> Assignments(JsonNode? list, IReadOnlyList<Finding> findings, OrgChart org, List<FormFieldError> errors)
    {
        var rows = new List<Assignment>();
        var array = list as JsonArray ?? [];
        if (array.Count == 0)
        {
            errors.Add(DutyErrors.At("assignments", DutyErrors.Required, "请将反馈问题分解到责任主体。", "Assign the findings to subjects."));
        }

        for (var i = 0; i < array.Count; i++)
        {
            var key = $"assignments[{i}]";
            var row = array[i] as JsonObject ?? [];
            var named = HandlerInput.Text(row["finding"]);
            var finding = findings.FirstOrDefault(f => f.Id.ToString() == named || f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == named);
            if (finding is null)
            {
                errors.Add(DutyErrors.At($"{key}.finding", DutyErrors.UnknownFinding, $"“{named}”不是本次反馈的问题。", $"'{named}' is not a finding of this feedback."));
            }

            var subject = HandlerInput.Text(row["subject"]);
            if (subject is null || org.FindSubject(subject) is null)
            {
                errors.Add(DutyErrors.At($"{key}.subject", DutyErrors.UnknownSubject, $"“{subject}”不是责任主体。", $"'{subject}' is not a subject of the organisation."));
            }

            var leader = HandlerInput.Text(row["leader"]) is { Length: > 0 } l ? l : null;
            if (leader is not null && org.Find(leader) is null)
            {
                errors.Add(DutyErrors.At($"{key}.leader", DutyErrors.UnknownPerson, $"“{leader}”不在组织名单中。", $"'{leader}' is not a person of the organisation."));
            }

            var area = HandlerInput.Text(row["area"]) is { Length: > 0 } a ? a : null;
            if (area is not null && org.Areas.All(x => x.Name != area))
            {
                errors.Add(DutyErrors.At($"{key}.area", DutyErrors.UnknownArea, $"“{area}”不是分管领域。", $"'{area}' is not a portfolio area."));
            }

            var deadline = ItemDraft.DateOf(row["deadline"], $"{key}.deadline", errors);
            if (deadline is null && HandlerInput.Text(row["deadline"]) is null)
            {
                errors.Add(DutyErrors.At($"{key}.deadline", DutyErrors.Required, "请填写整改时限。", "The finding needs a deadline."));
            }

            if (finding is not null && subject is not null)
            {
                rows.Add(new Assignment(finding, subject, leader, HandlerInput.Text(row["department"]), area, deadline));
            }
        }

        return rows;
    }
}
