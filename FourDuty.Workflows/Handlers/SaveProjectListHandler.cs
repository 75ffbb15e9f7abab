using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.saveProjectList</c>: stores the year's project list from <c>projectItems</c> (rows of <c>{ id?, title,
/// description?, area?, dueOn? }</c>): a row with an id changes that item, one without adds an item numbered
/// <c>{year}-NN</c>; an item a later version no longer lists is withdrawn (claims on it stay). Out: <c>projectItems</c>
/// with <c>id</c> and <c>code</c>, in order.
/// </summary>
internal sealed class SaveProjectListHandler(DutyWrites writes, PeopleDirectory directory) : DutyWriteHandler(writes)
{
    public override string Type => "duty.saveProjectList";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var year = input.Year();
        var errors = new List<FormFieldError>();
        var rows = ProjectListRules.Read(input.Value("projectItems"), year, directory.Current, errors);
        Refuse.IfAny(input, errors);
        var items = await db.ProjectItems.Where(p => p.Year == year).ToListAsync(cancellationToken);
        var kept = new List<ProjectItem>();
        foreach (var (row, order) in rows.Select((r, i) => (r, i)))
        {
            var item = row.Id is { } id ? items.FirstOrDefault(p => p.Id == id) : null;
            if (item is null)
            {
                var number = items.Count + kept.Count(k => !items.Contains(k)) + 1;
                item = DutyWrites.New(new ProjectItem { Year = year, Code = $"{year}-{number:00}" }, input.Context, now);
                db.ProjectItems.Add(item);
            }

            item.Title = row.Title;
            item.Description = row.Description;
            item.Area = row.Area;
            item.DueOn = row.DueOn;
            item.Order = order;
            item.Withdrawn = false;
            item.UpdatedAt = now;
            kept.Add(item);
        }

        foreach (var gone in items.Except(kept))
        {
            gone.Withdrawn = true;
            gone.UpdatedAt = now;
        }

        return DutyWrites.Vars(("projectItems", new JsonArray(kept.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id.ToString(),
            ["code"] = p.Code,
            ["title"] = p.Title,
            ["description"] = p.Description,
            ["area"] = p.Area,
            ["dueOn"] = p.DueOn?.ToString("yyyy-MM-dd"),
        }).ToArray())));
    }
}

/// <summary>The rows of a project list as a form submits them, and their rules (a title; a date inside the year; a known area).</summary>
internal static class ProjectListRules
{
    public sealed record Row(Guid? Id, string Title, string? Description, string? Area, DateOnly? DueOn);

    public static List<Row> Read(JsonNode? list, int year, OrgChart org, List<FormFieldError> errors)
    {
        var drafts = ItemDraft.Read("projectItems", list, errors);
        var rows = new List<Row>();
        foreach (var (draft, index) in drafts.Select((d, i) => (d, i)))
        {
            if (draft.DueOn is { } due && due.Year != year)
            {
                errors.Add(DutyErrors.At($"{draft.Key}.dueOn", DutyErrors.OutsideYear, $"完成时限 {due:yyyy-MM-dd} 不在{year}年度内。",
                    $"The due date {due:yyyy-MM-dd} is outside the duty year {year}."));
            }

            if (draft.Area is { } area && org.Areas.All(a => a.Name != area))
            {
                errors.Add(DutyErrors.At($"{draft.Key}.area", DutyErrors.UnknownArea, $"“{area}”不是分管领域。", $"'{area}' is not a portfolio area."));
            }

            var description = list is JsonArray array && array[index] is JsonObject row ? HandlerInput.Text(row["description"]) : null;
            rows.Add(new Row(draft.Id, draft.Title, description ?? draft.Detail, draft.Area, draft.DueOn));
        }

        return rows;
    }
}
