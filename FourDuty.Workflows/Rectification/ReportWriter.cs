using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Rectification;

/// <summary>Writes the written report (书面报告) on a feedback from its records, so that nobody types it again (Art. 14).</summary>
internal static class ReportWriter
{
    private static readonly FrozenDictionary<FeedbackSource, string> Sources = new Dictionary<FeedbackSource, string>()
    {
        [FeedbackSource.InspectionTour] = "巡视",
        [FeedbackSource.Patrol] = "巡察",
        [FeedbackSource.SupervisionCheck] = "督查",
        [FeedbackSource.Audit] = "审计",
        [FeedbackSource.SpecialCheck] = "专项检查",
    }.ToFrozenDictionary();

    /// <summary>The title and text, or null when there is no such feedback.</summary>
    public static async Task<(string Title, string Text)?> WriteAsync(DutyDbContext db, OrgChart org, Guid feedbackId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedbackId, cancellationToken) is not { } feedback)
        {
            return null;
        }

        var findings = await db.Findings.AsNoTracking().Where(f => f.FeedbackId == feedbackId).OrderBy(f => f.Number).ToListAsync(cancellationToken);
        var ids = findings.Select(f => f.Id).ToList();
        var rounds = await db.RectificationRounds.AsNoTracking().Where(r => ids.Contains(r.FindingId)).ToListAsync(cancellationToken);
        var verifications = await db.Verifications.AsNoTracking().Where(v => ids.Contains(v.FindingId)).ToListAsync(cancellationToken);
        var evidence = await db.EvidenceLinks.AsNoTracking().Where(l => l.TargetKind == EvidenceTarget.Finding && ids.Contains(l.TargetId))
            .GroupBy(l => l.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var title = $"关于{feedback.Title}整改情况的报告";
        var text = new StringBuilder();
        var closed = findings.Count(f => f.State == FindingState.Closed);
        text.Append(CultureInfo.InvariantCulture,
            $"{org.Unit}党委于{feedback.ReceivedOn:yyyy年M月d日}收到{Sources[feedback.Source]}反馈意见《{feedback.Title}》，共{findings.Count}个问题。"
            + $"党委召开专题会议，将问题逐项分解到责任主体，明确责任领导、责任部门和整改时限。截至报告生成时，已整改销号{closed}个，"
            + $"尚未销号{findings.Count - closed}个。具体情况如下：\n");
        foreach (var finding in findings)
        {
            var subject = finding.SubjectId is null ? "（未分解）" : org.FindSubject(finding.SubjectId)?.Name ?? finding.SubjectId;
            var leader = finding.LeaderId is null ? "" : $"，责任领导{org.Find(finding.LeaderId)?.Name ?? finding.LeaderId}";
            var department = finding.Department is null ? "" : $"，责任部门{finding.Department}";
            var deadline = finding.Deadline is { } d ? $"，整改时限{d:yyyy年M月d日}" : "";
            text.Append(CultureInfo.InvariantCulture, $"\n{finding.Number}. {finding.Text}\n   责任主体：{subject}{leader}{department}{deadline}。\n");
            foreach (var round in rounds.Where(r => r.FindingId == finding.Id).OrderBy(r => r.Round))
            {
                text.Append(CultureInfo.InvariantCulture, $"   第{round.Round}轮整改措施：{round.Measures}");
                text.Append(round.Outcome is null ? "" : $"；成效：{round.Outcome}");
                text.Append(round.UpdatedItemIds.Count == 0 ? "。\n" : $"；同步完善风险、措施清单{round.UpdatedItemIds.Count}项。\n");
                if (verifications.FirstOrDefault(v => v.FindingId == finding.Id && v.Round == round.Round) is { } verdict)
                {
                    text.Append(verdict.Verdict == Verdict.Accepted ? "   纪委书记核查：通过。\n" : $"   纪委书记核查：退回，理由：{verdict.Reason}。\n");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"   佐证材料{evidence.GetValueOrDefault(finding.Id)}份；");
            text.Append(finding.State == FindingState.Closed
                ? $"已于{TimeZoneInfo.ConvertTime(finding.ClosedAt!.Value, zone):yyyy年M月d日}经第一责任人和纪委书记签字销号。\n"
                : $"当前状态：{StateName(finding.State)}。\n");
        }

        return (title, text.ToString());
    }

    private static string StateName(FindingState state) => state switch
    {
        FindingState.Recorded => "待分解",
        FindingState.Assigned => "整改中",
        FindingState.Submitted => "待核查",
        FindingState.Rejected => "已退回，重新整改中",
        FindingState.Verified => "核查通过，待销号",
        _ => "已销号",
    };
}
