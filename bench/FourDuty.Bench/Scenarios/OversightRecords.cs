using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Talks;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// Five years (2022–2026) of what the four processes write for a college, per subject and year: 12 duty, 8 risk and 10
/// measure items with dates across the year (those past mostly done), two lapses, four self-assessments and a duty
/// report; per year 40 project items, three feedbacks of 15 findings (rounds, verdicts, sign-offs, evidence) and a
/// talk with every fifth subject. Two more feedbacks, in 2020 and 2021, carry 1,000 and N findings for the exports.
/// Written directly (the handlers' path is measured elsewhere); 2026 is seen on 20 June.
/// </summary>
internal static class OversightRecords
{
    public const int SmallExportYear = 2020;
    public const int LargeExportYear = 2021;
    private static readonly DateTimeOffset Now = new(2026, 6, 20, 1, 0, 0, TimeSpan.Zero);

    public static async Task<string> WriteAsync(IDbContextFactory<DutyDbContext> contexts, OrgChart org, int largeExport)
    {
        var random = new Random(20260620);
        var subjects = org.Subjects.ToList();
        var total = 0;
        for (var year = 2022; year <= 2026; year++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var seen = year < 2026 ? new DateOnly(year, 12, 31) : new DateOnly(2026, 6, 20);
            for (var p = 0; p < 40; p++)
            {
                db.ProjectItems.Add(New(new ProjectItem { Year = year, Code = $"{year}-{p + 1:00}", Title = $"{year}年项目{p + 1}", Order = p, DueOn = Day(year, random) }));
            }

            foreach (var (subject, index) in subjects.Select((s, i) => (s, i)))
            {
                var order = 0;
                foreach (var (kind, count) in new[] { (ListKind.Duty, 12), (ListKind.Risk, 8), (ListKind.Measure, 10) })
                {
                    for (var i = 0; i < count; i++)
                    {
                        ListItem item = kind switch { ListKind.Duty => new DutyItem(), ListKind.Risk => new RiskItem { Level = "中" }, _ => new MeasureItem() };
                        item.SubjectId = subject.Id;
                        item.Year = year;
                        item.Title = $"{subject.Name}{year}年{kind}事项{i + 1}";
                        item.OwnerId = subject.OwnerId;
                        item.DueOn = Day(year, random);
                        item.State = item.DueOn < seen ? (random.Next(10) < 9 ? ItemState.Done : ItemState.InProgress) : ItemState.Planned;
                        item.Order = order++;
                        db.ListItems.Add(New(item));
                    }
                }

                for (var l = 0; l < 2; l++)
                {
                    db.Lapses.Add(New(new Lapse
                    {
                        SubjectId = subject.Id, PersonId = subject.OwnerId, Year = year, What = $"第{l + 1}季度自评", MissedInstanceId = Guid.NewGuid(),
                        DueAt = new DateTimeOffset(year, 3 * l + 4, 10, 1, 0, 0, TimeSpan.Zero), Class = (LapseClass)(l % 3),
                    }));
                }

                for (var q = 1; q <= 4; q++)
                {
                    db.Assessments.Add(New(new SelfAssessment { Year = year, SubjectId = subject.Id, PersonId = subject.OwnerId, Period = $"{year}-Q{q}", Summary = "按期推进" }));
                }

                db.Assessments.Add(New(new DutyReport { Year = year, SubjectId = subject.Id, PersonId = subject.OwnerId, Period = $"{year}", Evaluation = "较好" }));
                if (index % 5 == 0)
                {
                    var talk = New(new ReminderTalk
                    {
                        SubjectId = subject.Id, PersonId = subject.OwnerId, Year = year, HolderId = "li.secretary", AssistantId = "zhao.discipline", Reason = "逾期",
                        ScheduledAt = new DateTimeOffset(year, 5, 8, 2, 0, 0, TimeSpan.Zero), Record = "已谈", RecordedAt = new DateTimeOffset(year, 5, 8, 3, 0, 0, TimeSpan.Zero),
                    });
                    db.Talks.Add(talk);
                    db.Commitments.Add(new TalkCommitment { Id = Guid.CreateVersion7(), TalkId = talk.Id, Number = 1, Text = "两周内整改", DueOn = new DateOnly(year, 5, 22) });
                }
            }

            for (var f = 0; f < 3; f++)
            {
                AddFeedback(db, subjects, year, $"{year}年反馈意见{f + 1}", 15, random);
            }

            await db.SaveChangesAsync();
            total += db.ChangeTracker.Entries().Count();
        }

        foreach (var (year, count) in new[] { (SmallExportYear, 1_000), (LargeExportYear, largeExport) })
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            AddFeedback(db, subjects, year, $"{year}年专项检查反馈意见", count, random);
            await db.SaveChangesAsync();
            total += db.ChangeTracker.Entries().Count();
        }

        return $"{total:N0} records";
    }

    private static void AddFeedback(DutyDbContext db, List<Subject> subjects, int year, string title, int findings, Random random)
    {
        var feedback = New(new Feedback { Source = FeedbackSource.Patrol, Title = title, ReceivedOn = new DateOnly(year, 4, 10), Year = year });
        db.Feedback.Add(feedback);
        var evidence = New(new Evidence { Kind = EvidenceKind.Link, Name = "整改佐证", Url = "https://intranet.college.example/evidence" });
        db.Evidence.Add(evidence);
        for (var n = 1; n <= findings; n++)
        {
            var subject = subjects[n % subjects.Count];
            var state = (FindingState)random.Next(1, 6);
            var finding = New(new Finding
            {
                FeedbackId = feedback.Id, Number = n, Text = $"问题{n}：制度执行不到位，需对照整改", SubjectId = subject.Id, LeaderId = subject.SupervisingLeaderId ?? subject.OwnerId,
                Department = "党委办公室", Deadline = new DateOnly(year, 6, 30), State = state,
                VerifiedAt = state >= FindingState.Verified ? Now : null, ClosedAt = state == FindingState.Closed ? Now : null,
            });
            db.Findings.Add(finding);
            db.RectificationRounds.Add(New(new RectificationRound { FindingId = finding.Id, Round = 1, SubjectId = subject.Id, Measures = "修订制度并组织专题学习", Outcome = "已落实" }));
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.CreateVersion7(), EvidenceId = evidence.Id, TargetKind = EvidenceTarget.Finding, TargetId = finding.Id, LinkedAt = Now });
            if (state >= FindingState.Verified)
            {
                db.Verifications.Add(New(new Verification { FindingId = finding.Id, Round = 1, Verdict = Verdict.Accepted, By = "zhao.discipline" }));
            }

            if (state == FindingState.Closed)
            {
                db.SignOffs.Add(New(new CloseOutSignOff { FindingId = finding.Id, Role = SignOffRole.FirstResponsible, PersonId = "li.secretary" }));
                db.SignOffs.Add(New(new CloseOutSignOff { FindingId = finding.Id, Role = SignOffRole.DisciplineSecretary, PersonId = "zhao.discipline" }));
            }
        }
    }

    private static DateOnly Day(int year, Random random) => new DateOnly(year, 1, 1).AddDays(random.Next(20, 360));

    private static T New<T>(T record) where T : DutyRecord
    {
        record.Id = Guid.CreateVersion7();
        record.CreatedAt = Now;
        record.UpdatedAt = Now;
        return record;
    }
}
