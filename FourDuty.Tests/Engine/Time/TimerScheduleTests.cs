using System.Diagnostics;
using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Tests.Engine.Time;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    // Wednesday 6 January 2027, 10:00 in Shanghai.
    private static readonly DateTimeOffset SetAt = At("2027-01-06T10:00:00+08:00");

    [Fact]
    public void Cycle_CountsSkippedOccurrencesTowardsTheRepetitions_WhenStartIsInThePast()
    {
        // 2026 and 2027 are gone when the timer is set in 2027-01-06: of three occurrences only 2028 is left.
        var schedule = Parse(TimerKind.Cycle, "R3/2026-01-05T09:00:00+08:00/P1Y");

        Fire(schedule, SetAt, limit: 10).ShouldBe([At("2028-01-05T09:00:00+08:00")]);
    }

    [Fact]
    public void Cycle_FindsTheNextOccurrenceAtOnce_WhenStartIsLongAgoAndPeriodIsShort()
    {
        var schedule = Parse(TimerKind.Cycle, "R/2000-01-01T00:00:00Z/PT1S");
        var watch = Stopwatch.StartNew();

        var first = schedule.FirstDue(SetAt, Shanghai);

        first.ShouldBe(SetAt);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Cycle_WalksCalendarPeriodsQuickly_WhenStartIsInTheYear1()
    {
        var schedule = Parse(TimerKind.Cycle, "R/0001-01-01T00:00:00Z/P1D");
        var watch = Stopwatch.StartNew();

        var first = schedule.FirstDue(SetAt, DateTimeZone.Utc);

        first.ShouldBe(At("2027-01-07T00:00:00Z"));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void FirstDue_IsNever_WhenTheResultIsAfterTheYear9999()
    {
        Parse(TimerKind.Duration, "P9000Y").FirstDue(SetAt, Shanghai).ShouldBeNull();
        var cycle = Parse(TimerKind.Cycle, "R/9999-12-31T00:00:00Z/P1Y");

        cycle.FirstDue(SetAt, Shanghai).ShouldBe(At("9999-12-31T00:00:00Z"));
        cycle.NextDue(At("9999-12-31T00:00:00Z"), 1, Shanghai).ShouldBeNull();
    }

    [Fact]
    public void FirstDue_IsAtOnce_WhenTheDateIsBeforeTheYear1InUtc()
    {
        Parse(TimerKind.Date, "0001-01-01T00:00:00+14:00").FirstDue(SetAt, Shanghai).ShouldBe(DateTimeOffset.MinValue);
    }

    [Fact]
    public void Cycle_MovesOnByTheFullPeriod_WhenTheClockIsPutBack()
    {
        // In Berlin, 31 October 2027 02:30 happens twice: at 00:30 and at 01:30 UTC.
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var schedule = Parse(TimerKind.Cycle, "R3/PT1H");
        var fired = new List<DateTimeOffset>();

        for (var due = schedule.FirstDue(At("2027-10-30T23:30:00Z"), berlin); due is { } next; due = schedule.NextDue(next, fired.Count, berlin))
        {
            fired.Add(next);
        }

        fired.ShouldBe([At("2027-10-31T00:30:00Z"), At("2027-10-31T01:30:00Z"), At("2027-10-31T02:30:00Z")]);
    }

    [Theory]
    [InlineData("0 0 9 ? * 2", "2027-01-11T09:00:00+08:00")] // Quartz: 2 = Monday
    [InlineData("0 0 9 ? * 6L", "2027-01-29T09:00:00+08:00")] // Quartz: last Friday of the month
    [InlineData("0 0 9 ? * 2/3", "2027-01-07T09:00:00+08:00")] // Quartz: every third day from Monday (Monday, Thursday)
    public void Cron_IsDueAtTheNextMatchInTheEngineZone_WhenFiveOrSixFields(string text, string expected)
    {
        Parse(TimerKind.Cycle, text).FirstDue(SetAt, Shanghai).ShouldBe(At(expected));
    }

    [Theory]
    [InlineData("R3/PT0S")]
    [InlineData("R/PT0.5S")]
    [InlineData("R/2027-01-05T09:00:00Z/PT0.000000001S")]
    public void TryParse_RefusesCycles_WhenTheyRepeatMoreThanOnceASecond(string text)
    {
        TimerSchedule.TryParse(TimerKind.Cycle, text, out _, out var error).ShouldBeFalse();

        error.ShouldBe($"'{text}' repeats more often than once a second; give a period of at least PT1S");
    }

    private static TimerSchedule Parse(TimerKind kind, string text)
    {
        TimerSchedule.TryParse(kind, text, out var schedule, out var error).ShouldBeTrue(error);
        return schedule!;
    }

    /// <summary>Lets the timer fire up to <paramref name="limit"/> times, the way the engine re-arms it.</summary>
    private static List<DateTimeOffset> Fire(TimerSchedule schedule, DateTimeOffset setAt, int limit)
    {
        var fired = new List<DateTimeOffset>();
        for (var due = schedule.FirstDue(setAt, Shanghai); due is { } next && fired.Count < limit; due = schedule.NextDue(next, fired.Count, Shanghai))
        {
            fired.Add(next);
        }

        return fired;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
