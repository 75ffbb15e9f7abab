using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.loadLists</c>: a subject's lists for reuse in later forms (self-assessment, rectification), so that nothing is
/// typed twice. In: <c>year</c>, <c>subject</c>/<c>subjectId</c>. Out: <c>dutyItems</c>, <c>riskItems</c>,
/// <c>measureItems</c> (rows with <c>id</c>, as forms submit them, evidence included), <c>claims</c>, and the year's open
/// <c>projectItems</c>. Reads only.
/// </summary>
internal sealed class LoadListsHandler(IDbContextFactory<DutyDbContext> contexts) : IServiceTaskHandler
{
    public string Type => "duty.loadLists";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var input = new HandlerInput(context);
        var year = input.Year();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var variables = new Dictionary<string, JsonNode?>(await ListItems.LoadAsync(db, input.SubjectId(), year, cancellationToken));
        var projectItems = await db.ProjectItems.AsNoTracking().Where(p => p.Year == year && !p.Withdrawn).OrderBy(p => p.Order).ToListAsync(cancellationToken);
        variables["projectItems"] = new JsonArray(projectItems.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id.ToString(),
            ["code"] = p.Code,
            ["title"] = p.Title,
            ["area"] = p.Area,
            ["dueOn"] = p.DueOn?.ToString("yyyy-MM-dd"),
        }).ToArray());
        return DutyWrites.Result(variables);
    }
}
