using FourDuty.Engine.Forms;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Lists;

/// <summary>What a submission may name as evidence: an uploaded piece (by id) of the subject, or an http(s) link.</summary>
internal static class EvidenceRules
{
    public static async Task CheckAsync(DutyDbContext db, IEnumerable<(string Key, string Value)> named, string? subjectId, List<FormFieldError> errors,
        CancellationToken cancellationToken)
    {
        var list = named.ToList();
        var ids = list.Select(n => Guid.TryParse(n.Value, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        var known = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.SubjectId, cancellationToken);
        foreach (var (key, value) in list)
        {
            if (Guid.TryParse(value, out var id))
            {
                if (!known.TryGetValue(id, out var owner))
                {
                    errors.Add(DutyErrors.At(key, DutyErrors.UnknownEvidence, "没有这份佐证材料，请重新上传。", $"There is no uploaded evidence {id}; upload it again."));
                }
                else if (owner is not null && subjectId is not null && owner != subjectId)
                {
                    errors.Add(DutyErrors.At(key, DutyErrors.NotYourRecord, "这份佐证材料属于其他责任主体。", $"Evidence {id} belongs to another subject ({owner})."));
                }
            }
            else if (!IsLink(value))
            {
                errors.Add(DutyErrors.At(key, DutyErrors.EvidenceLink, $"“{value}”不是以 http:// 或 https:// 开头的链接，也不是已上传的材料。",
                    $"'{value}' is neither an uploaded evidence id nor an http(s) link."));
            }
        }
    }

    public static bool IsLink(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && value.Length <= 2000;
}
