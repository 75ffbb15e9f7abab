using System.Globalization;
using System.Text;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Assessment;

/// <summary>
/// The year's facts for the committee's summary, from the records: per subject in the organisation's order (never
/// sorted by any count: nobody is ranked), its list items done out of all, its lapses and talks; then the year's
/// rectification. Plain Chinese text the summary's author can quote.
/// </summary>
internal static class YearFacts
{
    public static async Task<string> WriteAsync(DutyDbContext db, OrgChart org, int year, CancellationToken cancellationToken)
    {
        var items = await db.ListItems.AsNoTracking().Where(i => i.Year == year).Select(i => new { i.SubjectId, i.State }).ToListAsync(cancellationToken);
        var lapses = await db.Lapses.AsNoTracking().Where(l => l.Year == year).Select(l => l.SubjectId).ToListAsync(cancellationToken);
        var talks = await db.Talks.AsNoTracking().Where(t => t.Year == year).Select(t => t.SubjectId).ToListAsync(cancellationToken);
        var findings = await (from finding in db.Findings.AsNoTracking()
                              join feedback in db.Feedback.AsNoTracking() on finding.FeedbackId equals feedback.Id
                              where feedback.Year == year
                              select finding.State).ToListAsync(cancellationToken);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{year}年度“四责协同”机制运行情况（据系统记录）：\n");
        foreach (var subject in org.Subjects)
        {
            var own = items.Where(i => i.SubjectId == subject.Id).ToList();
            text.Append(CultureInfo.InvariantCulture,
                $"- {subject.Name}：清单事项{own.Count}项，已完成{own.Count(i => i.State == ItemState.Done)}项；失责记录{lapses.Count(l => l == subject.Id)}次；约谈提醒{talks.Count(t => t == subject.Id)}次。\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"反馈整改：问题{findings.Count}个，已销号{findings.Count(f => f == FindingState.Closed)}个，已核查待销号{findings.Count(f => f == FindingState.Verified)}个。");
        return text.ToString();
    }
}
