using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Runtime.State;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// Evidence uploaded once and linked wherever it supports something: small files kept in the database within the size
/// and type limits (<see cref="EvidenceOptions"/>), and links. The same file uploaded again by the same subject is the
/// same evidence. What a task's form names afterwards (the returned id) is linked to its item or finding by the handler.
/// </summary>
public sealed class EvidenceStore(IDbContextFactory<DutyDbContext> contexts, IOptions<EvidenceOptions> options, TimeProvider clock, ProcessEngine engine)
{
    /// <summary>The limits in force.</summary>
    public EvidenceOptions Limits => options.Value;

    /// <summary>Stores an uploaded file, or finds the same file stored before; links it to <see cref="EvidenceUpload.TargetId"/> when given.</summary>
    public async Task<EvidenceResult> UploadAsync(EvidenceUpload upload, CancellationToken cancellationToken = default)
    {
        if (upload.Bytes.Length > Limits.MaxBytes)
        {
            return EvidenceResult.Refused(EvidenceProblem.TooLarge, "file",
                $"文件过大（{upload.Bytes.Length / 1024.0 / 1024.0:0.0} MB），佐证材料最大 {Limits.MaxBytes / 1024.0 / 1024.0:0.#} MB。 The file is {upload.Bytes.Length:N0} bytes; at most {Limits.MaxBytes:N0} are accepted.");
        }

        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (upload.Bytes.Length == 0 || name.Length is 0 or > 255)
        {
            return EvidenceResult.Refused(EvidenceProblem.Invalid, "file", "请选择要上传的文件（文件名不超过255个字符）。 Send one non-empty file with a name of at most 255 characters.");
        }

        if (EvidenceFileTypes.MediaTypeOf(name, upload.Bytes, Limits.AllowedTypes) is not { } mediaType)
        {
            return EvidenceResult.Refused(EvidenceProblem.UnsupportedType, "file",
                $"不支持的文件类型“{name}”，请上传 {string.Join("、", Limits.AllowedTypes)} 格式的文件。 '{name}' is not an accepted file: use {string.Join(", ", Limits.AllowedTypes)} (the content must match the extension).");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(upload.Bytes));
        var now = clock.GetUtcNow();
        var evidence = await db.Evidence.FirstOrDefaultAsync(e => e.Kind == EvidenceKind.File && e.SubjectId == upload.SubjectId && e.Sha256 == sha, cancellationToken);
        if (evidence is null)
        {
            evidence = new Evidence
            {
                Id = Guid.CreateVersion7(now),
                CreatedAt = now,
                UpdatedAt = now,
                SourceInstanceId = upload.InstanceId,
                Kind = EvidenceKind.File,
                SubjectId = upload.SubjectId,
                AddedBy = upload.AddedBy,
                Name = name,
                ContentType = mediaType,
                Size = upload.Bytes.Length,
                Sha256 = sha,
            };
            db.Evidence.Add(evidence);
            db.EvidenceContents.Add(new EvidenceContent { EvidenceId = evidence.Id, Bytes = upload.Bytes });
        }

        if (await LinkAsync(db, evidence, upload.TargetKind, upload.TargetId, upload.SubjectId, now, cancellationToken) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceResult(evidence, null, null, null);
    }

    /// <summary>The file of a piece of evidence, or null when there is none.</summary>
    public async Task<(Evidence Evidence, byte[] Bytes)?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Kind == EvidenceKind.File, cancellationToken);
        var content = evidence is null ? null : await db.EvidenceContents.AsNoTracking().FirstOrDefaultAsync(c => c.EvidenceId == id, cancellationToken);
        return evidence is null || content is null ? null : (evidence, content.Bytes);
    }

    /// <summary>The subject whose record <paramref name="targetId"/> is (a list item's or a finding's), or null when there is no such record.</summary>
    public async Task<string?> SubjectOfTargetAsync(EvidenceTarget kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return kind == EvidenceTarget.ListItem
            ? await db.ListItems.AsNoTracking().Where(i => i.Id == targetId).Select(i => i.SubjectId).FirstOrDefaultAsync(cancellationToken)
            : await db.Findings.AsNoTracking().Where(f => f.Id == targetId).Select(f => f.SubjectId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The subject a task works for: its instance's <c>subjectId</c> or <c>subject</c>, else the subject of its <c>finding</c>.</summary>
    public async Task<string?> SubjectOfTaskAsync(UserTaskRecord task, CancellationToken cancellationToken = default)
    {
        var variables = (await engine.Queries.GetInstanceAsync(task.InstanceId, cancellationToken))?.Variables ?? [];
        JsonNode? Variable(string name) => variables.FirstOrDefault(v => v.Name == name) is { } v ? JsonNode.Parse(v.Json) : null;
        return PeopleResolver.SubjectIdOf(Variable) ?? (Variable("finding") as JsonObject)?["subject"]?.ToString();
    }

    private static async Task<EvidenceResult?> LinkAsync(DutyDbContext db, Evidence evidence, EvidenceTarget? kind, Guid? targetId, string? subjectId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (kind is null || targetId is not { } target)
        {
            return null;
        }

        var owner = kind == EvidenceTarget.ListItem
            ? await db.ListItems.Where(i => i.Id == target).Select(i => i.SubjectId).FirstOrDefaultAsync(cancellationToken)
            : await db.Findings.Where(f => f.Id == target).Select(f => f.SubjectId).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return EvidenceResult.Refused(EvidenceProblem.Invalid, "targetId", $"没有这个{(kind == EvidenceTarget.ListItem ? "清单事项" : "问题")}。 There is no {kind} {target}.");
        }

        if (subjectId is not null && owner != subjectId)
        {
            return EvidenceResult.Refused(EvidenceProblem.Invalid, "targetId", $"该记录属于其他责任主体，不能为其添加材料。 {kind} {target} belongs to another subject ({owner}).");
        }

        await EvidenceLinks.AttachAsync(db, [evidence.Id.ToString()], kind.Value, target, subjectId, evidence.SourceInstanceId, null, now, cancellationToken);
        return null;
    }
}

/// <summary>An uploaded file and what it supports.</summary>
/// <param name="FileName">The file's name as sent.</param>
/// <param name="Bytes">The file.</param>
/// <param name="SubjectId">The subject it belongs to (from the task, or the signed-in person's subject).</param>
/// <param name="AddedBy">Who uploads it.</param>
/// <param name="TargetKind">What kind of record it supports, if known now.</param>
/// <param name="TargetId">The record it supports, if known now (a new item gets it when its form is submitted).</param>
/// <param name="InstanceId">The instance it was uploaded for.</param>
public sealed record EvidenceUpload(string? FileName, byte[] Bytes, string? SubjectId, string? AddedBy, EvidenceTarget? TargetKind = null, Guid? TargetId = null,
    Guid? InstanceId = null);

/// <summary>The stored evidence, or why it was refused.</summary>
/// <param name="Evidence">The evidence (new, or the same file stored before).</param>
/// <param name="Problem">Why it was refused.</param>
/// <param name="Field">The field refused (<c>file</c>, <c>targetId</c>).</param>
/// <param name="Message">Chinese, then English.</param>
public sealed record EvidenceResult(Evidence? Evidence, EvidenceProblem? Problem, string? Field, string? Message)
{
    internal static EvidenceResult Refused(EvidenceProblem problem, string field, string message) => new(null, problem, field, message);
}

/// <summary>Why an upload was refused: too large (413), an unsupported type (415), or invalid (422).</summary>
public enum EvidenceProblem
{
    /// <summary>Over <see cref="EvidenceOptions.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>Not one of <see cref="EvidenceOptions.AllowedTypes"/>, or its content does not match its extension.</summary>
    UnsupportedType,

    /// <summary>Empty, nameless, or linked to a record that does not exist or is another subject's.</summary>
    Invalid,
}
