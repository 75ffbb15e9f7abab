using FourDuty.Engine;
using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Host.Api;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Hardening;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.TaskPages;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Lists;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace FourDuty.Host.Evidence;

/// <summary>
/// Uploading small evidence files (multipart, field <c>file</c>), kept in the database and linked to what they support
/// (<see cref="EvidenceStore"/>): through the API (<c>POST /api/evidence</c>, with <c>subjectId</c> and optionally
/// <c>targetKind</c> <c>ListItem</c>/<c>Finding</c> and <c>targetId</c>), and from a task page, where the emailed link
/// authorises the upload for its own task's subject (<c>POST /t/{token}/evidence</c>). A file over
/// <c>Evidence:MaxBytes</c> is 413, a type not in <c>Evidence:AllowedTypes</c> (or whose content is not of its type) 415,
/// anything else wrong 422, each with the field named. Thin: the rules are the domain's.
/// </summary>
internal static class EvidenceEndpoints
{
    public static RouteGroupBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        // The link is the key, as for completing its task: no sign-in, rate-limited, audited as the link's person.
        app.MapPost(TaskPageEndpoints.Prefix + "{token}/evidence", UploadByLinkAsync).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous()
            .RequireRateLimiting(RateLimits.TaskLink).Audited("evidence.upload").WithBodyLimit(_ => null, "Evidence:MaxBytes");
        var api = app.MapGroup("/api/evidence").WithTags("Evidence").RequireAuthorization(AccessPolicy.SignedIn);
        api.MapPost("", UploadAsync).DisableAntiforgery().Audited("evidence.upload").WithBodyLimit(_ => null, "Evidence:MaxBytes")
            .WithSummary("Uploads an evidence file for a subject the caller answers for (multipart 'file'; 'subjectId', 'targetKind', 'targetId' optional): 201, or 403, 413/415/422 naming the field");
        api.MapGet("/{id:guid}", DownloadAsync).WithSummary("An uploaded evidence file: the subject's owner, the office, the discipline secretary and the first-responsible persons may read it");
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, EvidenceStore store, PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (await ReadAsync(context, store, cancellationToken) is not ({ } file, { } form))
        {
            return TooLarge(store);
        }

        // Nobody adds material to another subject's records (the office keeps the committee's on its behalf). Without a
        // subjectId the record named by targetId says whose it is: a list item or finding of another subject is refused too.
        var caller = Caller.Of(context.User);
        EvidenceTarget? kind = Enum.TryParse<EvidenceTarget>(form["targetKind"], out var parsed) ? parsed : null;
        Guid? target = Guid.TryParse(form["targetId"], out var id) ? id : null;
        var named = NullIfEmpty(form["subjectId"]);
        var subjectId = named ?? (kind is { } k && target is { } t ? await store.SubjectOfTargetAsync(k, t, cancellationToken) : null);
        if (subjectId is not null && !caller.Has(AccessRole.Office)
            && people.Current.FindSubject(subjectId) is { } subject && subject.OwnerId != caller.Id)
        {
            return named is not null
                ? Problem(StatusCodes.Status403Forbidden, "EVIDENCE-NOT-YOURS", "subjectId",
                    $"只能为本人负责的责任主体上传材料。 Only the owner of subject '{subjectId}' (or the office) may add evidence to it.")
                : Problem(StatusCodes.Status403Forbidden, "EVIDENCE-NOT-YOURS", "targetId",
                    $"该{(kind == EvidenceTarget.ListItem ? "清单事项" : "问题")}属于“{subject.Name}”，只有其责任人可以添加佐证材料。 {kind} {target} is a record of subject '{subjectId}'; only its owner (or the office) may add evidence to it.");
        }

        var result = await store.UploadAsync(new EvidenceUpload(file.Name, file.Bytes, subjectId, context.User.Identity?.Name, kind, target),
            cancellationToken);
        return Answer(result);
    }

    private static async Task<IResult> UploadByLinkAsync(string token, HttpContext context, ProcessEngine engine, EvidenceStore store, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        token = TaskLinkRedaction.TokenOf(context) ?? token;
        var state = TaskLinkTokens.LooksValid(token) ? await engine.ReadTaskLinkAsync(TaskLinkTokens.Hash(token), cancellationToken) : null;
        AuditFilter.Note(context, actor: state?.Person ?? "anonymous", target: state?.Task is { } linked ? $"task={linked.Id}" : null,
            summary: "evidence by task link", via: "link");
        if (state is not { Status: TaskLinkStatus.Open, Task: { } task })
        {
            return Problem(StatusCodes.Status404NotFound, "EVIDENCE-LINK", "token",
                "此链接无效或已失效，不能上传材料。 The link is unknown, used, expired or no longer yours: nothing can be uploaded with it.");
        }

        if (await ReadAsync(context, store, cancellationToken) is not ({ } file, _))
        {
            return TooLarge(store);
        }

        var subject = await store.SubjectOfTaskAsync(task, cancellationToken);
        return Answer(await store.UploadAsync(new EvidenceUpload(file.Name, file.Bytes, subject, state.Person, InstanceId: task.InstanceId), cancellationToken));
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, EvidenceStore store, PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (await store.OpenAsync(id, cancellationToken) is not var (evidence, bytes))
        {
            return ApiErrors.NotFound("EVIDENCE-NOT-FOUND", $"There is no uploaded evidence {id}.");
        }

        var caller = Caller.Of(context.User);
        var owner = evidence.SubjectId is { } subjectId ? people.Current.FindSubject(subjectId)?.OwnerId : evidence.AddedBy;
        if (!caller.Oversees && owner != caller.Id && evidence.AddedBy != caller.Id)
        {
            return ApiErrors.NotFound("EVIDENCE-NOT-FOUND", $"There is no uploaded evidence {id}.");
        }

        // Served as a download, never rendered by the browser in the service's origin.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(bytes, evidence.ContentType, evidence.Name);
    }

    // The body is read only up to the limit (plus the multipart framing): a larger upload is refused without being stored in memory.
    private static async Task<((string Name, byte[] Bytes)? File, IFormCollection? Form)> ReadAsync(HttpContext context, EvidenceStore store,
        CancellationToken cancellationToken)
    {
        var limit = store.Limits.MaxBytes + 64 * 1024;
        if (context.Request.ContentLength > limit)
        {
            return (null, null);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = limit }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, null);
        }

        if (form.Files.GetFile("file") is not { } upload)
        {
            return ((string.Empty, []), form);
        }

        using var memory = new MemoryStream();
        await upload.CopyToAsync(memory, cancellationToken);
        return ((upload.FileName, memory.ToArray()), form);
    }

    private static IResult Answer(EvidenceResult result) => result switch
    {
        { Evidence: { } evidence } => Results.Created($"/api/evidence/{evidence.Id}", new
        {
            id = evidence.Id, name = evidence.Name, contentType = evidence.ContentType, size = evidence.Size, sha256 = evidence.Sha256, subjectId = evidence.SubjectId,
        }),
        { Problem: EvidenceProblem.TooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, "EVIDENCE-TOO-LARGE", result.Field!, result.Message!),
        { Problem: EvidenceProblem.UnsupportedType } => Problem(StatusCodes.Status415UnsupportedMediaType, "EVIDENCE-UNSUPPORTED-TYPE", result.Field!, result.Message!),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, "EVIDENCE-INVALID", result.Field!, result.Message!),
    };

    private static IResult TooLarge(EvidenceStore store) => Problem(StatusCodes.Status413PayloadTooLarge, "EVIDENCE-TOO-LARGE", "file",
        $"文件过大，佐证材料最大 {store.Limits.MaxBytes / 1024.0 / 1024.0:0.#} MB。 The upload is over the limit of {store.Limits.MaxBytes:N0} bytes.");

    private static IResult Problem(int status, string code, string field, string message) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = code,
            Detail = message,
            Extensions = { ["code"] = code, ["errors"] = new[] { new { key = field, code, message } } },
        });

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
