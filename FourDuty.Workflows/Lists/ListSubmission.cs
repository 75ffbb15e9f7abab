using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// A subject's claims and three lists as a form submits them (<c>claims</c>, <c>dutyItems</c>, <c>riskItems</c>,
/// <c>measureItems</c>; any may be absent), and the rules they must keep that a form cannot express: claims on items of
/// the year's project list, dates inside the year, owners and areas the organisation knows, item ids of this subject's own
/// lists (nobody edits another subject's records), evidence that exists or is an http(s) link. The completion check and
/// the handler run the same rules, so what the check let through the handler stores.
/// </summary>
internal sealed record ListSubmission(
    IReadOnlyList<(string Key, Guid? ProjectItemId)> Claims,
    IReadOnlyDictionary<ListKind, List<ItemDraft>> Items)
{
    public static readonly IReadOnlyDictionary<ListKind, string> Names = new Dictionary<ListKind, string>
    {
        [ListKind.Duty] = "dutyItems",
        [ListKind.Risk] = "riskItems",
        [ListKind.Measure] = "measureItems",
    };

    /// <summary>True when <paramref name="keys"/> holds any of the names a list submission uses.</summary>
    public static bool IsIn(IEnumerable<string> keys) => keys.Any(k => k == "claims" || Names.Values.Contains(k));

    public static ListSubmission Read(Func<string, JsonNode?> value, List<FormFieldError> errors)
    {
        var claims = value("claims") is JsonArray list
            ? list.Select((c, i) => ($"claims[{i}]", ItemDraft.GuidOf(c is JsonObject o ? o["projectItemId"] ?? o["id"] : c))).ToList()
            : [];
        return new ListSubmission(claims, Names.ToDictionary(n => n.Key, n => ItemDraft.Read(n.Value, value(n.Value), errors)));
    }

    public IEnumerable<ItemDraft> All => Items.Values.SelectMany(i => i);

    /// <summary>The errors of the submission for <paramref name="subjectId"/> in <paramref name="year"/>, none when it may be stored.</summary>
    public async Task<List<FormFieldError>> CheckAsync(DutyDbContext db, OrgChart org, string subjectId, int year, CancellationToken cancellationToken)
    {
        var errors = new List<FormFieldError>();
        var projectItems = await db.ProjectItems.AsNoTracking().Where(p => p.Year == year && !p.Withdrawn).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var (key, id) in Claims)
        {
            if (id is null || !projectItems.Contains(id.Value))
            {
                errors.Add(DutyErrors.At(key, DutyErrors.UnknownProjectItem, $"认领的事项不在{year}年度项目清单中。",
                    $"The claimed item is not on the {year} project list."));
            }
        }

        var ids = All.Select(d => d.Id).Concat(All.Select(d => d.RiskItemId)).OfType<Guid>().ToList();
        var existing = await db.ListItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var (kind, drafts) in Items)
        {
            foreach (var draft in drafts)
            {
                CheckItem(draft, kind, existing, projectItems, org, subjectId, year, errors);
            }
        }

        await EvidenceRules.CheckAsync(db, All.SelectMany(d => d.Evidence.Select((e, i) => ($"{d.Key}.evidence[{i}]", e))), subjectId, errors, cancellationToken);
        return errors;
    }

    private static void CheckItem(ItemDraft draft, ListKind kind, Dictionary<Guid, ListItem> existing, List<Guid> projectItems, OrgChart org, string subjectId, int year,
        List<FormFieldError> errors)
    {
        if (draft.Id is { } id)
        {
            if (!existing.TryGetValue(id, out var item) || item.Kind != kind)
            {
                errors.Add(DutyErrors.At($"{draft.Key}.id", DutyErrors.UnknownItem, "没有这个清单事项。", $"There is no {kind.ToString().ToLowerInvariant()} list item {id}."));
            }
            else if (item.SubjectId != subjectId)
            {
                errors.Add(DutyErrors.At($"{draft.Key}.id", DutyErrors.NotYourRecord, "这是其他责任主体的清单事项，不能修改。",
                    $"Item {id} is on another subject's list ({item.SubjectId}); nobody edits another subject's records."));
            }
        }

        if (draft.DueOn is { } due && due.Year != year)
        {
            errors.Add(DutyErrors.At($"{draft.Key}.dueOn", DutyErrors.OutsideYear, $"完成时限 {due:yyyy-MM-dd} 不在{year}年度内（{year}-01-01 至 {year}-12-31）。",
                $"The due date {due:yyyy-MM-dd} is outside the duty year {year}."));
        }

        if (draft.Owner is { } owner && org.Find(owner) is null)
        {
            errors.Add(DutyErrors.At($"{draft.Key}.owner", DutyErrors.UnknownPerson, $"“{owner}”不在组织名单中。", $"'{owner}' is not a person of the organisation."));
        }

        if (draft.Area is { } area && org.Areas.All(a => a.Name != area))
        {
            errors.Add(DutyErrors.At($"{draft.Key}.area", DutyErrors.UnknownArea, $"“{area}”不是分管领域。",
                $"'{area}' is not a portfolio area ({string.Join(", ", org.Areas.Select(a => a.Name))})."));
        }

        if (draft.ProjectItemId is { } project && !projectItems.Contains(project))
        {
            errors.Add(DutyErrors.At($"{draft.Key}.projectItemId", DutyErrors.UnknownProjectItem, $"该事项不在{year}年度项目清单中。",
                $"Project item {project} is not on the {year} project list."));
        }

        if (draft.RiskItemId is { } risk && (!existing.TryGetValue(risk, out var riskItem) || riskItem is not RiskItem || riskItem.SubjectId != subjectId))
        {
            errors.Add(DutyErrors.At($"{draft.Key}.riskItemId", DutyErrors.UnknownItem, "所对应的风险不在本主体的风险清单中。",
                $"Risk {risk} is not on this subject's risk list."));
        }
    }
}
