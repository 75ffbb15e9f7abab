using FourDuty.Engine.Runtime;
using FourDuty.Host.Api;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Oversight;
using FourDuty.Workflows.Oversight.Documents;
using FourDuty.Workflows.Oversight.Exports;
using FourDuty.Workflows.Rectification;
using Microsoft.AspNetCore.Mvc;

namespace FourDuty.Host.Oversight;

/// <summary>
/// What the office, the discipline secretary and the first-responsible persons watch (<c>/api/oversight</c>): the year's
/// dashboard, each person's dossier (a leader their own), the ledgers as .xlsx, the written report and the year summary as
/// .docx, and the review of a lapse under the three distinctions. Thin: the read models and documents are the domain's.
/// </summary>
internal static class OversightEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapOversightEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/oversight").WithTags("Oversight");
        api.MapGet("/dashboard", DashboardAsync).RequireAuthorization(AccessPolicy.Oversight)
            .WithSummary("The year's dashboard (?year=&subjectId=&area=&process=annual|rectification|gapfill|talk): each subject's green/yellow/red, counts, cycle, rectification, lapses, talks, months; subjects in the organisation's order, never ranked");
        api.MapGet("/choices", Choices).RequireAuthorization(AccessPolicy.Oversight)
            .WithSummary("What the dashboard's filters offer: this year, the subjects in the organisation's order, the portfolio areas, the process names");
        api.MapGet("/dossiers/{personId}", DossierAsync).RequireAuthorization(AccessPolicy.SignedIn)
            .WithSummary("A person's dossier (履责档案, ?year=): lists with evidence, reports, findings, lapses with notes, talks with commitments. A leader may read their own; office, discipline secretary and first-responsible persons anyone's");
        api.MapGet("/lapses/{id:guid}", LapseAsync).RequireAuthorization(AccessPolicy.Oversight)
            .WithSummary("A lapse as recorded, with its classification and every annotation, oldest first");
        api.MapPost("/lapses/{id:guid}/annotations", AnnotateAsync).RequireAuthorization(AccessPolicy.Oversight)
            .Audited("lapse.annotate", call => call.Argument<LapseAnnotationRequest>() is { Classification: { } c } ? $"classified {c}" : "note")
            .WithSummary("Adds a note to a lapse and optionally classifies it under the three distinctions (office or discipline secretary); the lapse and earlier notes never change");
        api.MapGet("/ledgers/rectification", (HttpContext http, Ledgers ledgers, [AsParameters] LedgerQuery query, CancellationToken ct) =>
                ExportAsync(http, query, ledgers.Rectification, ct))
            .RequireAuthorization(AccessPolicy.Oversight).Audited("ledger.export")
            .WithSummary("整改台账 as .xlsx, one row per finding (?year=&subjectId=&area=&feedbackId=&state=)");
        api.MapGet("/ledgers/lists", (HttpContext http, Ledgers ledgers, [AsParameters] LedgerQuery query, CancellationToken ct) =>
                ExportAsync(http, query, ledgers.Lists, ct))
            .RequireAuthorization(AccessPolicy.Oversight).Audited("ledger.export")
            .WithSummary("The three lists (三张清单) as .xlsx, one row per item (?year=&subjectId=&area=&kind=Duty|Risk|Measure)");
        api.MapGet("/ledgers/lapses", (HttpContext http, Ledgers ledgers, [AsParameters] LedgerQuery query, CancellationToken ct) =>
                ExportAsync(http, query, ledgers.Lapses, ct))
            .RequireAuthorization(AccessPolicy.Oversight).Audited("ledger.export")
            .WithSummary("失责记录 as .xlsx, one row per lapse with its classification and notes (?year=&subjectId=&classification=)");
        api.MapGet("/ledgers/talks", (HttpContext http, Ledgers ledgers, [AsParameters] LedgerQuery query, CancellationToken ct) =>
                ExportAsync(http, query, ledgers.Talks, ct))
            .RequireAuthorization(AccessPolicy.Oversight).Audited("ledger.export")
            .WithSummary("约谈台账 as .xlsx, one row per talk with its commitments (?year=&subjectId=)");
        api.MapGet("/reports/rectification/{feedbackId:guid}", RectificationReportAsync).RequireAuthorization(AccessPolicy.Oversight).Audited("report.export")
            .WithSummary("The written report (书面报告) on a feedback's rectification as .docx, in official-document form, from the records");
        api.MapGet("/reports/year/{year:int}", YearSummaryAsync).RequireAuthorization(AccessPolicy.Oversight).Audited("report.export")
            .WithSummary("The committee's year-end summary as .docx, in official-document form, from the records");
        return api;
    }

    private static async Task<IResult> DashboardAsync(int? year, string? subjectId, string? area, string? process, Dashboard dashboard, EngineOptions engine,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (process is not null && !DashboardFilter.Processes.Contains(process))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "OVERSIGHT-PROCESS", "process",
                $"流程只能是 {string.Join("、", DashboardFilter.Processes)}。 process '{process}' is not one of {string.Join(", ", DashboardFilter.Processes)}.");
        }

        return Results.Ok(await dashboard.ForAsync(new DashboardFilter(year ?? ThisYear(engine, clock), Blank(subjectId), Blank(area), process), cancellationToken));
    }

    private static IResult Choices(PeopleDirectory directory, EngineOptions engine, TimeProvider clock)
    {
        var org = directory.Current;
        return Results.Ok(new
        {
            thisYear = ThisYear(engine, clock),
            subjects = org.Subjects.Select(s => new { id = s.Id, name = s.Name, kind = s.Kind }),
            areas = org.Areas.Select(a => a.Name).Distinct(),
            processes = DashboardFilter.Processes,
        });
    }

    private static async Task<IResult> DossierAsync(string personId, int? year, HttpContext http, DossierReader dossiers, CancellationToken cancellationToken)
    {
        // Refused before looking: a leader learns nothing of other people's records, not even whether they exist.
        var caller = Caller.Of(http.User);
        if (caller.Id != personId && !caller.Oversees)
        {
            return Problem(StatusCodes.Status403Forbidden, "DOSSIER-NOT-YOURS", "personId",
                "只能查看本人的履责档案。 A leader may read only their own dossier; the office, the discipline secretary and the first-responsible persons read everyone's.");
        }

        return await dossiers.ForPersonAsync(personId, year, cancellationToken) is { } dossier
            ? Results.Ok(dossier)
            : ApiErrors.NotFound("DOSSIER-NOT-FOUND", $"There is no person '{personId}' in the organisation.");
    }

    private static async Task<IResult> LapseAsync(Guid id, LapseReview review, CancellationToken cancellationToken) =>
        await review.ReadAsync(id, cancellationToken) is { } history ? Results.Ok(history) : ApiErrors.NotFound("LAPSE-NOT-FOUND", $"There is no lapse {id}.");

    private static async Task<IResult> AnnotateAsync(Guid id, LapseAnnotationRequest request, HttpContext http, LapseReview review, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http.User);
        if (!caller.Has(AccessRole.Office) && !caller.Has(AccessRole.Discipline))
        {
            return Problem(StatusCodes.Status403Forbidden, "LAPSE-REVIEW-ROLE", "role",
                "只有党委办公室和纪委书记可以批注和认定失责记录。 Only the office and the discipline secretary annotate and classify lapses.");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > LapseReview.MostText)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "LAPSE-NOTE", "text",
                $"请填写批注（1至{LapseReview.MostText}字）。 The note 'text' is required, 1 to {LapseReview.MostText} characters.");
        }

        return await review.AnnotateAsync(id, caller.Id, request.Text, request.Classification, cancellationToken) is { } history
            ? Results.Ok(history)
            : ApiErrors.NotFound("LAPSE-NOT-FOUND", $"There is no lapse {id}.");
    }

    private static async Task<IResult> ExportAsync(HttpContext http, LedgerQuery query, Func<LedgerFilter, Ledger> ledgerOf, CancellationToken cancellationToken)
    {
        if (query.ToFilter() is not ({ } filter, null))
        {
            var (field, message) = query.ToFilter().Problem!.Value;
            return Problem(StatusCodes.Status422UnprocessableEntity, "LEDGER-FILTER", field, message);
        }

        var ledger = ledgerOf(filter);
        var file = TempFile();
        var rows = await XlsxWriter.WriteAsync(ledger, file, cancellationToken);
        file.Position = 0;
        AuditFilter.Note(http, summary: $"{ledger.Sheet}: {rows} rows ({query})");
        return Results.File(file, Xlsx, ledger.FileName);
    }

    private static async Task<IResult> RectificationReportAsync(Guid feedbackId, ReportDocuments documents, CancellationToken cancellationToken) =>
        await documents.RectificationReportAsync(feedbackId, cancellationToken) is { } document
            ? Document(document, "整改情况报告.docx")
            : ApiErrors.NotFound("FEEDBACK-NOT-FOUND", $"There is no feedback {feedbackId}.");

    private static async Task<IResult> YearSummaryAsync(int year, ReportDocuments documents, CancellationToken cancellationToken) =>
        Document(await documents.YearSummaryAsync(year, cancellationToken), $"{year}年度工作总结.docx");

    private static IResult Document(OfficialDocument document, string name)
    {
        var file = TempFile();
        document.Save(file);
        file.Position = 0;
        return Results.File(file, Docx, name);
    }

    // Written to a file that deletes itself when the response is sent: memory stays flat whatever the size.
    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"fourduty-export-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static int ThisYear(EngineOptions engine, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone)).Year;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IResult Problem(int status, string code, string field, string message) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = code,
            Detail = message,
            Extensions = { ["code"] = code, ["errors"] = new[] { new { key = field, code, message } } },
        });
}

/// <summary>A note on a lapse, and optionally its classification under the three distinctions.</summary>
/// <param name="Text">The note (required).</param>
/// <param name="Classification">The classification it gives, if it classifies.</param>
internal sealed record LapseAnnotationRequest(string? Text, LapseClass? Classification);

/// <summary>A ledger's filter as the query string gives it.</summary>
internal sealed record LedgerQuery(int? Year, string? SubjectId, string? Area, Guid? FeedbackId, string? State, string? Kind, string? Classification)
{
    public (LedgerFilter? Filter, (string Field, string Message)? Problem) ToFilter()
    {
        if (!TryEnum<FindingState>(State, out var state))
        {
            return (null, ("state", $"问题状态 'state' 只能是 {string.Join("、", Enum.GetNames<FindingState>())}。 Unknown finding state '{State}'."));
        }

        if (!TryEnum<ListKind>(Kind, out var kind))
        {
            return (null, ("kind", $"清单 'kind' 只能是 Duty、Risk、Measure。 Unknown list '{Kind}'."));
        }

        if (!TryEnum<LapseClass>(Classification, out var classification))
        {
            return (null, ("classification", $"认定 'classification' 只能是 {string.Join("、", Enum.GetNames<LapseClass>())}。 Unknown classification '{Classification}'."));
        }

        return (new LedgerFilter(Year, Blank(SubjectId), Blank(Area), FeedbackId, state, kind, classification), null);
    }

    public override string ToString() =>
        string.Join(", ", new[] { ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("subjectId", SubjectId), ("area", Area),
                ("feedbackId", FeedbackId?.ToString()), ("state", State), ("kind", Kind), ("classification", Classification) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={p.Item2}"));

    private static bool TryEnum<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
