using FourDuty.Host.Security.Policies;
using MiniExcelLibs;

namespace FourDuty.Host.Security.Audit;

/// <summary>The audit trail through the API: read with filters, and export as CSV or Excel (an export is itself recorded).</summary>
internal static class AuditEndpoints
{
    private const int MostRows = 100_000;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", ListAsync).RequireAuthorization(AccessPolicy.AuditReader)
            .WithSummary("Audit entries, newest first (?actor=&operation=&from=&to=&limit=, operation is a prefix such as task.)");
        api.MapPost("/audit/export", ExportAsync).RequireAuthorization(AccessPolicy.AuditReader)
            .Audited("audit.export")
            .WithSummary("Exports the audit entries matching the same filters as a file (?format=csv or xlsx)");
    }

    private static async Task<IResult> ListAsync(string? actor, string? operation, DateTimeOffset? from, DateTimeOffset? to, int? limit, AuditTrail trail,
        CancellationToken cancellationToken) =>
        Results.Ok(await trail.FindAsync(new AuditQuery(actor, operation, from, to, Math.Clamp(limit ?? 500, 1, 5000)), cancellationToken));

    private static async Task<IResult> ExportAsync(string? format, string? actor, string? operation, DateTimeOffset? from, DateTimeOffset? to,
        AuditTrail trail, HttpContext http, CancellationToken cancellationToken)
    {
        var type = (format ?? "xlsx").ToLowerInvariant() switch
        {
            "csv" => ExcelType.CSV,
            "xlsx" => ExcelType.XLSX,
            _ => (ExcelType?)null,
        };
        if (type is null)
        {
            return Results.Problem($"format '{format}' is not csv or xlsx.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "AUDIT-EXPORT-FORMAT");
        }

        var entries = await trail.FindAsync(new AuditQuery(actor, operation, from, to, MostRows), cancellationToken);
        AuditFilter.Note(http, summary: $"{entries.Count} entries as {type} (actor={actor}, operation={operation}, from={from:O}, to={to:O})");
        var file = new MemoryStream();
        await file.SaveAsAsync(entries.Select(Row), sheetName: "审计日志", excelType: type.Value, cancellationToken: cancellationToken);
        file.Position = 0;
        return type == ExcelType.CSV
            ? Results.File(file, "text/csv; charset=utf-8", "audit.csv")
            : Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "audit.xlsx");
    }

    private static Dictionary<string, object?> Row(AuditEntry entry) => new()
    {
        ["时间 At (UTC)"] = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        ["操作人 Actor"] = Cell(entry.Actor),
        ["方式 Via"] = Cell(entry.Via),
        ["操作 Operation"] = entry.Operation,
        ["对象 Target"] = Cell(entry.Target),
        ["摘要 Summary"] = Cell(entry.Summary),
        ["结果 Status"] = entry.Status,
        ["IP"] = Cell(entry.Ip),
        ["浏览器 User agent"] = Cell(entry.UserAgent),
    };

    // A cell that starts like a formula would run as one when the file is opened in a spreadsheet: keep it text.
    private static string? Cell(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
