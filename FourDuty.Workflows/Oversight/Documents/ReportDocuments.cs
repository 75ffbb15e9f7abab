using FourDuty.Engine.Runtime;
using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Oversight.Documents;

/// <summary>
/// The two documents the office sends up, written from the records so that nobody types them again (Art. 14, 20): the
/// written report on a feedback's rectification (书面报告) and the committee's year-end summary. Each takes the form such
/// reports take — title, addressee, basis, what was found, what was done per finding or subject, evidence, what remains,
/// issuer and date — in <see cref="OfficialDocument"/>'s format, for the office to review, edit and sign.
/// </summary>
public sealed class ReportDocuments(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory, Dashboard dashboard, EngineOptions engine, TimeProvider clock)
{
    private const string Measures = "《落实“四责协同”机制实施办法》";

    /// <summary>The written report on the rectification of <paramref name="feedbackId"/>; null when there is no such feedback.</summary>
    public async Task<OfficialDocument?> RectificationReportAsync(Guid feedbackId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedbackId, cancellationToken) is not { } feedback)
        {
            return null;
        }

        var org = directory.Current;
        var today = Today();
        var findings = await db.Findings.AsNoTracking().Where(f => f.FeedbackId == feedbackId).OrderBy(f => f.Number).ToListAsync(cancellationToken);
        var ids = findings.Select(f => f.Id).ToList();
        var rounds = (await db.RectificationRounds.AsNoTracking().Where(r => ids.Contains(r.FindingId)).ToListAsync(cancellationToken)).ToLookup(r => r.FindingId);
        var verdicts = (await db.Verifications.AsNoTracking().Where(v => ids.Contains(v.FindingId)).ToListAsync(cancellationToken)).ToLookup(v => v.FindingId);
        var signOffs = (await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.FindingId)).ToListAsync(cancellationToken)).ToLookup(s => s.FindingId);
        var evidence = (await (from link in db.EvidenceLinks.AsNoTracking()
                               join item in db.Evidence.AsNoTracking() on link.EvidenceId equals item.Id
                               where link.TargetKind == EvidenceTarget.Finding && ids.Contains(link.TargetId)
                               orderby link.LinkedAt
                               select new { link.TargetId, item.Name }).ToListAsync(cancellationToken)).ToLookup(e => e.TargetId, e => e.Name);

        var closed = findings.Count(f => f.State == FindingState.Closed);
        var verified = findings.Count(f => f.State == FindingState.Verified);
        var open = findings.Count - closed - verified;
        var overdue = findings.Count(f => Dashboard.IsOpen(f.State) && f.Deadline < today);
        var listChanges = rounds.SelectMany(r => r).Sum(r => r.UpdatedItemIds.Count);
        var document = new OfficialDocument($"关于{feedback.Title}整改情况的报告")
            .AddRecipient(org.UpperBody?.Name ?? "上级党组织")
            .AddParagraph($"{Date(feedback.ReceivedOn)}，学院党委收到{Labels.Of(feedback.Source)}反馈意见《{feedback.Title}》，共反馈问题{findings.Count}个。"
                + $"按照{Measures}第十四条、第十六条、第二十五条的规定，学院党委召开专题会议研究部署，将问题逐项分解到责任主体，明确责任领导、责任部门和整改时限，"
                + "由纪委书记逐项核查，第一责任人和纪委书记签字销号。现将整改情况报告如下。")
            .AddHeading("一、总体情况")
            .AddParagraph($"截至{Date(today)}，{findings.Count}个问题中，已整改销号{closed}个，核查通过待销号{verified}个，正在整改{open}个"
                + (overdue > 0 ? $"（其中超过整改时限{overdue}个）" : "") + "。"
                + (listChanges > 0 ? $"结合整改新增或完善风险（问题）清单、措施清单{listChanges}项。" : "")
                + $"形成佐证材料{evidence.Sum(e => e.Count())}份。")
            .AddHeading("二、问题整改情况");
        foreach (var finding in findings)
        {
            document.AddSubheading($"（{Numeral(finding.Number)}）{finding.Text}");
            var who = new List<string> { $"责任主体：{Subject(finding.SubjectId) ?? "（未分解）"}" };
            if (finding.LeaderId is not null)
            {
                who.Add($"责任领导：{Person(finding.LeaderId)}");
            }

            if (finding.Department is not null)
            {
                who.Add($"责任部门：{finding.Department}");
            }

            if (finding.Deadline is { } deadline)
            {
                who.Add($"整改时限：{Date(deadline)}");
            }

            document.AddParagraph(string.Join("；", who) + "。");
            var own = rounds[finding.Id].OrderBy(r => r.Round).ToList();
            foreach (var round in own)
            {
                var prefix = own.Count > 1 ? $"第{Numeral(round.Round)}轮整改" : "整改";
                document.AddParagraph($"{prefix}措施：{round.Measures.TrimEnd('。')}。" + (round.Outcome is { } outcome ? $"整改成效：{outcome.TrimEnd('。')}。" : ""));
            }

            if (own.Count == 0)
            {
                document.AddParagraph("整改措施：尚未提交。");
            }

            var checks = verdicts[finding.Id].OrderBy(v => v.Round).ToList();
            if (checks.Count > 0)
            {
                document.AddParagraph("核查情况：" + string.Join("；", checks.Select(v =>
                    $"{(checks.Count > 1 ? $"第{Numeral(v.Round)}轮" : "")}{Labels.Of(v.Verdict)}{(v.Reason is null ? "" : $"，理由：{v.Reason.TrimEnd('。')}")}")) + "。");
            }

            var names = evidence[finding.Id].ToList();
            document.AddParagraph(names.Count > 0 ? $"佐证材料：{string.Join("、", names)}。" : "佐证材料：暂无。");
            var signs = signOffs[finding.Id].ToList();
            document.AddParagraph(finding.State == FindingState.Closed
                ? $"已于{Date(Local(finding.ClosedAt!.Value))}经第一责任人{Person(signs.FirstOrDefault(s => s.Role == SignOffRole.FirstResponsible)?.PersonId)}、"
                  + $"纪委书记{Person(signs.FirstOrDefault(s => s.Role == SignOffRole.DisciplineSecretary)?.PersonId)}签字销号。"
                : $"目前状态：{Labels.Of(finding.State)}。");
        }

        document.AddHeading("三、尚需推进的事项");
        var remaining = findings.Where(f => f.State != FindingState.Closed).ToList();
        if (remaining.Count == 0)
        {
            document.AddParagraph("反馈的问题已全部整改销号。学院党委将持续巩固整改成果，举一反三，健全长效机制。");
        }
        else
        {
            foreach (var finding in remaining)
            {
                document.AddParagraph($"问题{finding.Number}：{Labels.Of(finding.State)}"
                    + (finding.Deadline is { } d ? $"，整改时限{Date(d)}{(Dashboard.IsOpen(finding.State) && d < today ? "，已超过时限" : "")}" : "") + "。");
            }

            document.AddParagraph("对尚未销号的问题，学院党委将继续压实责任，按时限推进整改，完成后及时报告。");
        }

        return document.AddSignature(Issuer(org), today);
    }

    /// <summary>The committee's year-end summary of <paramref name="year"/>: the year's facts per subject, rectification, lapses and talks, and what the committee wrote.</summary>
    public async Task<OfficialDocument> YearSummaryAsync(int year, CancellationToken cancellationToken = default)
    {
        var org = directory.Current;
        var view = await dashboard.ForAsync(new DashboardFilter(year), cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kinds = await db.ListItems.AsNoTracking().Where(i => i.Year == year)
            .GroupBy(i => new { i.SubjectId, List = EF.Property<string>(i, "list") }).Select(g => new { g.Key.SubjectId, g.Key.List, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reports = await db.Assessments.AsNoTracking().OfType<DutyReport>().Where(r => r.Year == year).ToListAsync(cancellationToken);
        var summary = await db.Assessments.AsNoTracking().OfType<CommitteeSummary>().Where(r => r.Year == year).OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var followUps = view.Lapses.Count == 0 ? 0 : await db.FollowUps.AsNoTracking().CountAsync(f => f.LapseId != null && view.Lapses.Select(l => l.Id).Contains(f.LapseId.Value), cancellationToken);

        var document = new OfficialDocument($"中共{org.Unit}委员会\n{year}年度落实“四责协同”机制工作总结")
            .AddRecipient(org.UpperBody?.Name ?? "上级党组织")
            .AddParagraph($"按照{Measures}第二十条的规定，现将学院党委{year}年度落实“四责协同”机制情况总结如下。文中数据均据系统记录生成。");
        if (summary?.Summary is { Length: > 0 } text)
        {
            document.AddParagraph(text);
        }

        var cycle = view.Cycle!;
        document.AddHeading("一、年度清单落实情况")
            .AddParagraph($"年初召开专题会议，确定项目清单{cycle.ProjectItems}项，已认领{cycle.ProjectItemsClaimed}项；{cycle.SubjectsWithLists}个责任主体提交了责任清单、风险（问题）清单和措施清单"
                + (cycle.SubjectsWithoutLists.Count > 0 ? $"，{string.Join("、", cycle.SubjectsWithoutLists.Select(Subject))}尚未提交" : "") + "。"
                + (cycle.AnalysisMeetings.Count > 0 ? $"党委召开阶段性分析会{cycle.AnalysisMeetings.Count}次（{string.Join("、", cycle.AnalysisMeetings)}）。" : "全年尚无阶段性分析会记录。"));
        var number = 0;
        foreach (var subject in view.Subjects)
        {
            number++;
            int Count(string list) => kinds.FirstOrDefault(k => k.SubjectId == subject.SubjectId && k.List == list)?.Count ?? 0;
            var report = reports.FirstOrDefault(r => r.SubjectId == subject.SubjectId);
            document.AddParagraph($"{number}. {subject.Name}：责任清单{Count("Duty")}项、风险（问题）清单{Count("Risk")}项、措施清单{Count("Measure")}项，"
                + $"已完成{subject.Items.Done}项、未完成{subject.Items.Open}项{(subject.Items.Overdue > 0 ? $"（逾期{subject.Items.Overdue}项）" : "")}；"
                + (subject.Cycle!.SelfAssessments.Count > 0 ? $"完成自评{subject.Cycle.SelfAssessments.Count}次" : "尚无自评记录") + "；"
                + (report is null ? "述责述廉尚未提交" : $"已述责述廉{(report.Evaluation is { } e ? $"，评议结果：{e}" : "")}") + "。");
        }

        document.AddHeading("二、反馈整改情况");
        if (view.Rectification.Count == 0)
        {
            document.AddParagraph("本年度无反馈意见。");
        }

        foreach (var feedback in view.Rectification)
        {
            document.AddParagraph($"《{feedback.Title}》（{Labels.Of(feedback.Source)}，{Date(feedback.ReceivedOn)}收到）：问题{feedback.Findings}个，已销号{feedback.Closed}个，"
                + $"核查通过待销号{feedback.Verified}个，待核查{feedback.Submitted}个，退回重新整改{feedback.SentBack}个，整改中{feedback.Open}个"
                + (feedback.ReportWritten ? "；书面报告已形成。" : "。"));
        }

        var classified = view.Lapses.Where(l => l.Class != LapseClass.Unclassified).GroupBy(l => l.Class).OrderBy(g => g.Key).ToList();
        var held = view.Talks.Count(t => t.Held);
        var promises = view.Talks.SelectMany(t => t.Commitments).ToList();
        document.AddHeading("三、补漏补缺和约谈提醒情况")
            .AddParagraph($"全年记录失责{view.Lapses.Count}次，其中事后补办完成{view.Lapses.Count(l => l.DoneLaterAt != null)}次，相关主体跟进纠偏{followUps}次。"
                + (classified.Count > 0 ? $"按照“三个区分开来”认定：{string.Join("；", classified.Select(g => $"{Labels.Of(g.Key)}{g.Count()}次"))}。" : "")
                + $"开展约谈提醒{view.Talks.Count}次，已谈{held}次，待谈{view.Talks.Count - held}次，报上级{view.Talks.Count(t => t.ReportUpward)}次；"
                + $"谈话中作出承诺{promises.Count}项，已跟进{promises.Count(p => p.FollowedUpAt != null)}项。");

        var openItems = view.Subjects.Sum(s => s.Items.Open);
        var openFindings = view.Rectification.Sum(f => f.Findings - f.Closed);
        document.AddHeading("四、存在的问题")
            .AddParagraph($"截至{Date(view.Today)}，年度清单事项尚未完成{openItems}项，反馈问题尚未销号{openFindings}项。")
            .AddParagraph(summary?.Problems is { Length: > 0 } problems ? problems : "（请党委办公室结合阶段性分析补充。）")
            .AddHeading("五、下一步工作打算")
            .AddParagraph(summary?.NextSteps is { Length: > 0 } next ? next : "（请党委办公室补充。）");
        return document.AddSignature(Issuer(org), Today());
    }

    private static string Issuer(OrgChart org) => $"中共{org.Unit}委员会";

    private string? Subject(string? id) => id is null ? null : directory.Current.FindSubject(id)?.Name ?? id;

    private string Person(string? id) => id is null ? "" : directory.Find(id)?.Name ?? id;

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone);

    private DateOnly Today() => Local(clock.GetUtcNow());

    private DateOnly Local(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>一 to 九十九, as headings number them.</summary>
    internal static string Numeral(int number)
    {
        const string Digits = "零一二三四五六七八九";
        return number switch
        {
            < 10 => Digits[number].ToString(),
            < 20 => "十" + (number % 10 == 0 ? "" : Digits[number % 10].ToString()),
            < 100 => Digits[number / 10] + "十" + (number % 10 == 0 ? "" : Digits[number % 10].ToString()),
            _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
