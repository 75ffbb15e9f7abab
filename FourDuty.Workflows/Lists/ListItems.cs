using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lists;

/// <summary>Writes a checked list submission to a subject's lists, and reads the lists back in the shape forms submit them.</summary>
internal static class ListItems
{
    /// <summary>Adds and changes the items of <paramref name="submission"/>; returns the ids of the items written.</summary>
    public static async Task<List<Guid>> ApplyAsync(DutyDbContext db, ListSubmission submission, string subjectId, int year, Guid? findingId,
        ServiceTaskContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = submission.All.Select(d => d.Id).OfType<Guid>().ToList();
        var existing = await db.ListItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var next = await db.ListItems.Where(i => i.SubjectId == subjectId && i.Year == year).CountAsync(cancellationToken);
        var written = new List<Guid>();
        foreach (var (kind, drafts) in submission.Items)
        {
            foreach (var draft in drafts)
            {
                if (draft.Id is not { } id || !existing.TryGetValue(id, out var item))
                {
                    item = kind switch { ListKind.Duty => new DutyItem(), ListKind.Risk => new RiskItem(), _ => new MeasureItem() };
                    item.Id = Guid.CreateVersion7(now);
                    item.CreatedAt = now;
                    item.SourceInstanceId = context.InstanceId;
                    item.SourceElementId = context.ElementId;
                    item.SubjectId = subjectId;
                    item.Year = year;
                    item.Order = next++;
                    item.FindingId = findingId;
                    db.ListItems.Add(item);
                }

                item.Title = draft.Title;
                item.Detail = draft.Detail;
                item.OwnerId = draft.Owner;
                item.Area = draft.Area;
                item.DueOn = draft.DueOn;
                item.State = draft.State ?? item.State;
                item.ProjectItemId = draft.ProjectItemId ?? item.ProjectItemId;
                item.FindingId = findingId ?? item.FindingId;
                item.UpdatedAt = now;
                switch (item)
                {
                    case RiskItem risk:
                        risk.Level = draft.Level;
                        break;
                    case MeasureItem measure:
                        measure.RiskItemId = draft.RiskItemId;
                        break;
                }

                await EvidenceLinks.AttachAsync(db, draft.Evidence, EvidenceTarget.ListItem, item.Id, subjectId, context.InstanceId, context.ElementId, now,
                    cancellationToken);
                written.Add(item.Id);
            }
        }

        return written;
    }

    /// <summary>A subject's lists for a year and its claims: <c>dutyItems</c>, <c>riskItems</c>, <c>measureItems</c>, <c>claims</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonNode?>> LoadAsync(DutyDbContext db, string subjectId, int year, CancellationToken cancellationToken)
    {
        var items = await db.ListItems.AsNoTracking().Where(i => i.SubjectId == subjectId && i.Year == year).OrderBy(i => i.Order).ToListAsync(cancellationToken);
        var evidence = await EvidenceLinks.OfAsync(db, EvidenceTarget.ListItem, items.Select(i => i.Id).ToList(), cancellationToken);
        var claims = await db.Claims.AsNoTracking().Where(c => c.SubjectId == subjectId && c.Year == year).OrderBy(c => c.CreatedAt)
            .Select(c => c.ProjectItemId).ToListAsync(cancellationToken);
        var variables = ListSubmission.Names.ToDictionary(n => n.Value,
            n => (JsonNode?)new JsonArray(items.Where(i => i.Kind == n.Key).Select(i => (JsonNode)Json(i, evidence.GetValueOrDefault(i.Id) ?? [])).ToArray()));
        variables["claims"] = new JsonArray(claims.Select(c => (JsonNode)c.ToString()).ToArray());
        return variables;
    }

    private static JsonObject Json(ListItem item, List<string> evidence)
    {
        var json = new JsonObject
        {
            ["id"] = item.Id.ToString(),
            ["title"] = item.Title,
            ["detail"] = item.Detail,
            ["owner"] = item.OwnerId,
            ["area"] = item.Area,
            ["dueOn"] = item.DueOn?.ToString("yyyy-MM-dd"),
            ["state"] = item.State.ToString(),
            ["projectItemId"] = item.ProjectItemId?.ToString(),
            ["evidence"] = new JsonArray(evidence.Select(e => (JsonNode)e).ToArray()),
        };
        switch (item)
        {
            case RiskItem risk:
                json["level"] = risk.Level;
                break;
            case MeasureItem measure:
                json["riskItemId"] = measure.RiskItemId?.ToString();
                break;
        }

        return json;
    }
}
