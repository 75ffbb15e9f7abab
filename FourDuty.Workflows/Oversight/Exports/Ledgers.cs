using System.Globalization;
using System.Runtime.CompilerServices;
using FourDuty.Engine.Runtime;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FourDuty.Workflows.Oversight.Exports;

/// <summary>What a ledger export is limited to; every part is optional.</summary>
/// <param name="Year">The duty year.</param>
/// <param name="SubjectId">One subject.</param>
/// <param name="Area">One portfolio area (rectification ledger and lists).</param>
/// <param name="FeedbackId">One feedback (rectification ledger).</param>
/// <param name="State">One finding state (rectification ledger).</param>
/// <param name="Kind">One list (lists).</param>
/// <param name="Class">One classification (lapse record).</param>
public sealed record LedgerFilter(int? Year = null, string? SubjectId = null, string? Area = null, Guid? FeedbackId = null, FindingState? State = null,
    ListKind? Kind = null, LapseClass? Class = null);

/// <summary>
/// The four ledgers (台账) the office keeps, read from the records as they stream out of the database: the rectification
/// ledger (整改台账), the three lists per subject and year, the lapse record (失责记录) and the talk ledger (约谈台账). One row
/// per record, times in the service's local time, people by name, subjects in the organisation's order.
/// </summary>
/// <remarks>
/// Rows are read with one query that streams, and the records each row gathers (rounds, verifications, sign-offs,
/// evidence, annotations, commitments) are looked up per batch of <see cref="Batch"/> rows on a second connection (a
/// PostgreSQL connection reads one result at a time), so an export of any size holds one batch in memory.
/// </remarks>
public sealed class Ledgers(IDbContextFactory<DutyDbContext> contexts, PeopleDirectory directory, AlertRule rule, EngineOptions engine,
    IOptions<NotificationOptions> notifications, TimeProvider clock)
{
    internal const int Batch = 500;

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone);

    /// <summary>整改台账: one row per finding.</summary>
    public Ledger Rectification(LedgerFilter filter) => new("整改台账", FileName("整改台账", filter),
    [
        new("反馈来源", 10), new("反馈意见", 28), new("收到日期", 12), new("问题序号", 9), new("问题", 40), new("责任主体", 22), new("责任领导", 10),
        new("责任部门", 14), new("分管领域", 12), new("整改时限", 12), new("整改措施", 40), new("整改成效", 30), new("佐证材料", 40), new("核查情况", 28),
        new("第一责任人签字", 22), new("纪委书记签字", 22), new("销号时间", 17), new("状态", 14), new("预警", 6),
    ], RectificationRowsAsync(filter));

    /// <summary>三张清单: one row per duty, risk or measure list item.</summary>
    public Ledger Lists(LedgerFilter filter) => new("三张清单", FileName("三张清单", filter),
    [
        new("年度", 7), new("责任主体", 22), new("清单", 16), new("序号", 6), new("事项", 36), new("具体内容", 40), new("责任人", 10), new("分管领域", 12),
        new("完成时限", 12), new("风险等级", 9), new("状态", 9), new("预警", 6), new("佐证材料", 40),
    ], ListRowsAsync(filter));

    /// <summary>失责记录: one row per lapse, with its classification and every annotation.</summary>
    public Ledger Lapses(LedgerFilter filter) => new("失责记录", FileName("失责记录", filter),
    [
        new("年度", 7), new("责任主体", 22), new("责任人", 10), new("失责事项", 30), new("期限", 17), new("依据条款", 12), new("事后完成时间", 17),
        new("认定（三个区分开来）", 30), new("批注", 48), new("跟进纠偏", 40), new("记录时间", 17),
        new("失责环节（流程实例/环节）", 48),
    ], LapseRowsAsync(filter));

    /// <summary>约谈台账: one row per reminder talk, with its commitments.</summary>
    public Ledger Talks(LedgerFilter filter) => new("约谈台账", FileName("约谈台账", filter),
    [
        new("年度", 7), new("责任主体", 22), new("谈话对象", 10), new("谈话类型", 10), new("约谈人", 10), new("协助人", 10), new("约谈事由", 30),
        new("约谈时间", 17), new("地点", 14), new("报上级", 8), new("谈话记录", 40), new("承诺事项", 40), new("状态", 8),
    ], TalkRowsAsync(filter));

    private async IAsyncEnumerable<object?[]> RectificationRowsAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var today = Today();
        var query = from finding in db.Findings.AsNoTracking()
                    join feedback in db.Feedback.AsNoTracking() on finding.FeedbackId equals feedback.Id
                    where (filter.Year == null || feedback.Year == filter.Year) && (filter.FeedbackId == null || feedback.Id == filter.FeedbackId)
                        && (filter.SubjectId == null || finding.SubjectId == filter.SubjectId) && (filter.Area == null || finding.Area == filter.Area)
                        && (filter.State == null || finding.State == filter.State)
                    orderby feedback.ReceivedOn, feedback.CreatedAt, feedback.Id, finding.Number
                    select new { finding, feedback.Source, feedback.Title, feedback.ReceivedOn };
        await foreach (var batch in Batches(query.AsAsyncEnumerable(), cancellationToken))
        {
            var ids = batch.Select(b => b.finding.Id).ToList();
            var rounds = (await lookup.RectificationRounds.AsNoTracking().Where(r => ids.Contains(r.FindingId)).ToListAsync(cancellationToken)).ToLookup(r => r.FindingId);
            var verdicts = (await lookup.Verifications.AsNoTracking().Where(v => ids.Contains(v.FindingId)).ToListAsync(cancellationToken)).ToLookup(v => v.FindingId);
            var signOffs = (await lookup.SignOffs.AsNoTracking().Where(s => ids.Contains(s.FindingId)).ToListAsync(cancellationToken)).ToLookup(s => s.FindingId);
            var evidence = await EvidenceAsync(lookup, EvidenceTarget.Finding, ids, cancellationToken);
            foreach (var row in batch)
            {
                var f = row.finding;
                var own = rounds[f.Id].OrderBy(r => r.Round).ToList();
                yield return
                [
                    Labels.Of(row.Source), row.Title, row.ReceivedOn, f.Number, f.Text, SubjectName(f.SubjectId), PersonName(f.LeaderId), f.Department, f.Area, f.Deadline,
                    Join(own.Select(r => own.Count > 1 ? $"第{r.Round}轮：{r.Measures}" : r.Measures)),
                    Join(own.Where(r => r.Outcome is not null).Select(r => own.Count > 1 ? $"第{r.Round}轮：{r.Outcome}" : r.Outcome!)),
                    Join(evidence[f.Id]),
                    Join(verdicts[f.Id].OrderBy(v => v.Round).Select(v =>
                        $"第{v.Round}轮：{Labels.Of(v.Verdict)}{(v.Reason is null ? "" : $"（{v.Reason}）")}{(v.By is null ? "" : $" {PersonName(v.By)}")}")),
                    SignOff(signOffs[f.Id], SignOffRole.FirstResponsible), SignOff(signOffs[f.Id], SignOffRole.DisciplineSecretary),
                    Local(f.ClosedAt), Labels.Of(f.State), Labels.Of(rule.LevelOf(f.Deadline, Dashboard.IsOpen(f.State), today)),
                ];
            }
        }
    }

    private async IAsyncEnumerable<object?[]> ListRowsAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var today = Today();
        var items = db.ListItems.AsNoTracking().Where(i => (filter.Year == null || i.Year == filter.Year) && (filter.SubjectId == null || i.SubjectId == filter.SubjectId)
            && (filter.Area == null || i.Area == filter.Area));
        var kind = filter.Kind switch
        {
            ListKind.Duty => items.Where(i => i is DutyItem),
            ListKind.Risk => items.Where(i => i is RiskItem),
            ListKind.Measure => items.Where(i => i is MeasureItem),
            _ => items,
        };
        var query = from item in kind
                    join subject in db.Subjects.AsNoTracking() on item.SubjectId equals subject.Id into subjects
                    from subject in subjects.DefaultIfEmpty()
                    orderby item.Year, subject.Order, item.SubjectId, EF.Property<string>(item, "list") == "Duty" ? 0 : EF.Property<string>(item, "list") == "Risk" ? 1 : 2, item.Order
                    select item;
        // Numbered from 1 within each subject's list of a year, in the list's own order.
        (int, string, ListKind)? list = null;
        var number = 0;
        await foreach (var batch in Batches(query.AsAsyncEnumerable(), cancellationToken))
        {
            var evidence = await EvidenceAsync(lookup, EvidenceTarget.ListItem, batch.Select(i => i.Id).ToList(), cancellationToken);
            foreach (var item in batch)
            {
                number = list == (item.Year, item.SubjectId, item.Kind) ? number + 1 : 1;
                list = (item.Year, item.SubjectId, item.Kind);
                yield return
                [
                    item.Year, SubjectName(item.SubjectId), Labels.Of(item.Kind), number, item.Title, item.Detail, PersonName(item.OwnerId), item.Area, item.DueOn,
                    (item as RiskItem)?.Level, Labels.Of(item.State), Labels.Of(rule.LevelOf(item.DueOn, item.State != ItemState.Done, today)), Join(evidence[item.Id]),
                ];
            }
        }
    }

    private async IAsyncEnumerable<object?[]> LapseRowsAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Lapses.AsNoTracking().Where(l => (filter.Year == null || l.Year == filter.Year) && (filter.SubjectId == null || l.SubjectId == filter.SubjectId)
            && (filter.Class == null || l.Class == filter.Class)).OrderBy(l => l.DueAt).ThenBy(l => l.Id);
        await foreach (var batch in Batches(query.AsAsyncEnumerable(), cancellationToken))
        {
            var ids = batch.Select(l => l.Id).ToList();
            var notes = (await lookup.LapseAnnotations.AsNoTracking().Where(a => ids.Contains(a.LapseId)).ToListAsync(cancellationToken)).ToLookup(a => a.LapseId);
            var followUps = (await lookup.FollowUps.AsNoTracking().Where(f => f.LapseId != null && ids.Contains(f.LapseId.Value)).ToListAsync(cancellationToken))
                .ToLookup(f => f.LapseId!.Value);
            foreach (var lapse in batch)
            {
                yield return
                [
                    lapse.Year, SubjectName(lapse.SubjectId), PersonName(lapse.PersonId), lapse.What, Local(lapse.DueAt), lapse.Article, Local(lapse.DoneLaterAt),
                    Labels.Of(lapse.Class),
                    Join(notes[lapse.Id].OrderBy(a => a.At).ThenBy(a => a.Id).Select(a =>
                        $"{Stamp(a.At)} {PersonName(a.By)}：{a.Text}{(a.Class is { } c ? $"（认定：{Labels.Of(c)}）" : "")}")),
                    Join(followUps[lapse.Id].OrderBy(f => f.CreatedAt).Select(f => $"{Stamp(f.CreatedAt)} {PersonName(f.PersonId)}：{f.Actions}{(f.Outcome is null ? "" : $"；{f.Outcome}")}")),
                    Local(lapse.CreatedAt),
                    lapse.MissedInstanceId is { } missed ? $"{missed}/{lapse.MissedElementId}" : lapse.MissedElementId,
                ];
            }
        }
    }

    private async IAsyncEnumerable<object?[]> TalkRowsAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Talks.AsNoTracking().Where(t => (filter.Year == null || t.Year == filter.Year) && (filter.SubjectId == null || t.SubjectId == filter.SubjectId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);
        await foreach (var batch in Batches(query.AsAsyncEnumerable(), cancellationToken))
        {
            var ids = batch.Select(t => t.Id).ToList();
            var commitments = (await lookup.Commitments.AsNoTracking().Where(c => ids.Contains(c.TalkId)).ToListAsync(cancellationToken)).ToLookup(c => c.TalkId);
            foreach (var talk in batch)
            {
                yield return
                [
                    talk.Year, SubjectName(talk.SubjectId), PersonName(talk.PersonId), Labels.Of(talk.Kind), PersonName(talk.HolderId), PersonName(talk.AssistantId),
                    talk.Reason, Local(talk.ScheduledAt), talk.Place, talk.ReportUpward ? "是" : "否", talk.Record,
                    Join(commitments[talk.Id].OrderBy(c => c.Number).Select(c =>
                        $"{c.Number}. {c.Text}{(c.DueOn is { } d ? $"（{d:yyyy-MM-dd}前）" : "")}{(c.FollowedUpAt is { } at ? $" 已跟进 {Stamp(at)}" : "")}")),
                    talk.RecordedAt is null ? "待谈" : "已谈",
                ];
            }
        }
    }

    // The evidence supporting each record: a link's address, or a file's name and where the service serves it.
    private async Task<ILookup<Guid, string>> EvidenceAsync(DutyDbContext db, EvidenceTarget target, List<Guid> ids, CancellationToken cancellationToken)
    {
        var baseUrl = notifications.Value.PublicUrl.TrimEnd('/');
        var rows = await (from link in db.EvidenceLinks.AsNoTracking()
                          join evidence in db.Evidence.AsNoTracking() on link.EvidenceId equals evidence.Id
                          where link.TargetKind == target && ids.Contains(link.TargetId)
                          orderby link.LinkedAt
                          select new { link.TargetId, evidence.Id, evidence.Kind, evidence.Name, evidence.Url }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.TargetId, r => r.Kind == EvidenceKind.Link
            ? (r.Name == r.Url || string.IsNullOrEmpty(r.Name) ? r.Url! : $"{r.Name} {r.Url}")
            : $"{r.Name} {baseUrl}/api/evidence/{r.Id}");
    }

    private static async IAsyncEnumerable<List<T>> Batches<T>(IAsyncEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<T>(Batch);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == Batch)
            {
                yield return batch;
                batch = new List<T>(Batch);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private string SignOff(IEnumerable<CloseOutSignOff> signOffs, SignOffRole role) =>
        signOffs.FirstOrDefault(s => s.Role == role) is { } s ? $"{PersonName(s.PersonId)} {Stamp(s.CreatedAt)}" : "";

    private string? SubjectName(string? id) => id is null ? null : directory.Current.FindSubject(id)?.Name ?? id;

    private string? PersonName(string? id) => id is null ? null : directory.Find(id)?.Name ?? id;

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    private DateTime? Local(DateTimeOffset? instant) => instant is { } at ? TimeZoneInfo.ConvertTime(at, Zone).DateTime : null;

    private string Stamp(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string? Join(IEnumerable<string> parts)
    {
        var text = string.Join("\n", parts);
        return text.Length == 0 ? null : text;
    }

    private static string FileName(string name, LedgerFilter filter) => $"{name}{(filter.Year is { } year ? $"-{year}" : "")}.xlsx";
}
