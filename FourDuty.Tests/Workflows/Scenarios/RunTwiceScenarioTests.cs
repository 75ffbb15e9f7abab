using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Host.Mail;
using FourDuty.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// Scenario 3: the same year run again, once with the host restarted at each step of the year and once with two hosts
/// on one database taking turns (and both catching up at each turn), gives the same mails and the same records as the
/// year run straight through: nothing lost, nothing twice.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RunTwiceScenarioTests(RunTwiceScenarioTests.StraightYear straight) : IClassFixture<RunTwiceScenarioTests.StraightYear>
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Year_GivesTheSameMailsAndRecords_WhenTheHostRestartsInTheMiddle(TestStore store)
    {
        var expected = await straight.Outcome;
        // The database outlives the hosts: a file of the test's own (a host's folder goes with it).
        var sqlite = store == TestStore.Sqlite ? Path.Combine(Directory.CreateTempSubdirectory("fourduty-restart-").FullName, "fourduty.db") : null;
        var first = await CollegeYear.StartAsync(store, sqliteFile: sqlite);
        var current = first;
        try
        {
            await AnnualYear.RunAsync(first, async _ =>
            {
                var (now, postgres, smtp) = (current.Now, current.Postgres, current.Smtp);
                await current.DisposeAsync();
                current = await CollegeYear.StartAsync(store, CollegeYear.Local(now), postgres, smtp, sqlite);
                return current;
            });
            (await YearOutcome.OfAsync(current)).ShouldBe(expected);
        }
        finally
        {
            await current.DisposeAsync();
            await current.Smtp.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Year_GivesTheSameMailsAndRecords_WhenTwoHostsShareTheDatabase()
    {
        var expected = await straight.Outcome;
        await using var one = await CollegeYear.StartAsync(TestStore.Postgres);
        await using var two = await one.AnotherAsync(TestStore.Postgres);
        try
        {
            var turn = one;
            await AnnualYear.RunAsync(one, async _ =>
            {
                var other = turn == one ? two : one;
                await other.AdvanceToAsync(CollegeYear.Local(turn.Now));
                // Both nodes look for due work at once: whatever is due is done by one of them.
                await Task.WhenAll(turn.Engine.RunDueWorkAsync(), other.Engine.RunDueWorkAsync());
                turn = other;
                return other;
            });
            (await YearOutcome.OfAsync(turn)).ShouldBe(expected);
        }
        finally
        {
            await one.Smtp.DisposeAsync();
        }
    }

    /// <summary>The year run straight through once, on SQLite, for the runs above to compare with.</summary>
    public sealed class StraightYear : IAsyncLifetime
    {
        private readonly TaskCompletionSource<YearOutcome> _outcome = new();

        public Task<YearOutcome> Outcome => _outcome.Task;

        public async Task InitializeAsync()
        {
            try
            {
                await using var year = await CollegeYear.StartAsync(TestStore.Sqlite);
                await AnnualYear.RunAsync(year);
                _outcome.SetResult(await YearOutcome.OfAsync(year));
                await year.Smtp.DisposeAsync();
            }
            catch (Exception exception)
            {
                _outcome.SetException(exception);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}

/// <summary>What a year leaves behind, comparable between runs: every mail (day, person, subject) and the records, in a stable order.</summary>
public sealed record YearOutcome(string Mails, string Records)
{
    internal static async Task<YearOutcome> OfAsync(CollegeYear year)
    {
        var mails = string.Join("\n", year.Mails.Select(m => m.ToString()).Order(StringComparer.Ordinal));
        await using var db = year.Db();
        var lapses = (await db.Lapses.ToListAsync()).Select(l => $"lapse {l.SubjectId} {l.What} {l.DueAt:O}");
        var followUps = (await db.FollowUps.ToListAsync()).Select(f => $"follow-up {(f.LapseId is null ? "commitment" : "lapse")} {f.Actions}");
        var talks = (await db.Talks.ToListAsync()).Select(t => $"talk {t.SubjectId} {t.HolderId} {t.ScheduledAt:O}");
        var assessments = (await db.Assessments.ToListAsync()).Select(a => $"{a.Kind} {a.SubjectId} {a.Period}");
        var items = (await db.ListItems.ToListAsync()).Select(i => $"item {i.SubjectId} {i.Title}");
        var claims = (await db.Claims.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(mails, string.Join("\n", lapses.Concat(followUps).Concat(talks).Concat(assessments).Concat(items).Append($"claims {claims}").Order(StringComparer.Ordinal)));
    }
}
