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
    public void FirstDue_IsTheInstantWritten_WhenDateHasAnOffset()
    {
        var schedule = Parse(TimerKind.Date, "2027-01-05T09:00:00+08:00");

        schedule.FirstDue(SetAt, DateTimeZone.Utc).ShouldBe(At("2027-01-05T01:00:00Z"));
    }

    [Theory]
    [InlineData("2027-01-05T09:00:00Z", "2027-01-05T09:00:00Z")]
    [InlineData("2027-01-05T09:00:00.5+09:00", "2027-01-05T00:00:00.5Z")]
    [InlineData("2027-01-05T09:00+08:00", "2027-01-05T01:00:00Z")]
    public void FirstDue_IsTheInstantWritten_WhenDateHasZOrFractionOrNoSeconds(string text, string expected)
    {
        Parse(TimerKind.Date, text).FirstDue(SetAt, Shanghai).ShouldBe(At(expected));
    }

    [Fact]
    public void FirstDue_ReadsTheWallClockInTheEngineZone_WhenDateHasNoOffset()
    {
        var schedule = Parse(TimerKind.Date, "2027-01-05T09:00:00");

        schedule.FirstDue(SetAt, Shanghai).ShouldBe(At("2027-01-05T01:00:00Z"));
        schedule.FirstDue(SetAt, DateTimeZone.Utc).ShouldBe(At("2027-01-05T09:00:00Z"));
    }

    [Fact]
    public void FirstDue_IsMidnightInTheEngineZone_WhenDateHasNoTime()
    {
        Parse(TimerKind.Date, "2027-01-05").FirstDue(SetAt, Shanghai).ShouldBe(At("2027-01-04T16:00:00Z"));
    }

    [Theory]
    [InlineData("PT10M", "2027-01-06T10:10:00+08:00")]
    [InlineData("P3D", "2027-01-09T10:00:00+08:00")]
    [InlineData("P2W", "2027-01-20T10:00:00+08:00")]
    [InlineData("P1Y2M", "2028-03-06T10:00:00+08:00")]
    [InlineData("P1DT2H30M", "2027-01-07T12:30:00+08:00")]
    [InlineData("PT0S", "2027-01-06T10:00:00+08:00")]
    public void FirstDue_IsOnePeriodAfterSetting_WhenDuration(string text, string expected)
    {
        Parse(TimerKind.Duration, text).FirstDue(SetAt, Shanghai).ShouldBe(At(expected));
    }

    [Theory]
    [InlineData("2027-01-31T09:00:00+08:00", "2027-02-28T09:00:00+08:00")]
    [InlineData("2028-01-31T09:00:00+08:00", "2028-02-29T09:00:00+08:00")]
    [InlineData("2027-03-31T09:00:00+08:00", "2027-04-30T09:00:00+08:00")]
    public void FirstDue_IsTheLastDayOfTheNextMonth_WhenOneMonthFromTheEndOfALongerMonth(string setAt, string expected)
    {
        Parse(TimerKind.Duration, "P1M").FirstDue(At(setAt), Shanghai).ShouldBe(At(expected));
    }

    [Fact]
    public void FirstDue_ReadsMonthsInTheEngineZone_WhenTheUtcDateIsADayEarlier()
    {
        // 1 March 2027 07:00 in Shanghai is still 28 February in UTC; a month later must be 1 April in Shanghai.
        Parse(TimerKind.Duration, "P1M").FirstDue(At("2027-03-01T07:00:00+08:00"), Shanghai).ShouldBe(At("2027-04-01T07:00:00+08:00"));
    }

    [Fact]
    public void Cycle_FiresThreeTimesOnePeriodApart_WhenR3()
    {
        var schedule = Parse(TimerKind.Cycle, "R3/PT1H");

        var fired = Fire(schedule, SetAt, limit: 10);

        fired.ShouldBe([At("2027-01-06T11:00:00+08:00"), At("2027-01-06T12:00:00+08:00"), At("2027-01-06T13:00:00+08:00")]);
        ((CycleSchedule)schedule).Repetitions.ShouldBe(3);
    }

    [Fact]
    public void Cycle_KeepsFiring_WhenRWithoutCount()
    {
        var schedule = Parse(TimerKind.Cycle, "R/PT1H");

        var fired = Fire(schedule, SetAt, limit: 1000);

        fired.Count.ShouldBe(1000);
        fired[^1].ShouldBe(SetAt.AddHours(1000));
        ((CycleSchedule)schedule).Repetitions.ShouldBeNull();
    }

    [Fact]
    public void Cycle_StartsAtTheStart_WhenStartIsInTheFuture()
    {
        var schedule = Parse(TimerKind.Cycle, "R2/2027-06-01T09:00:00+08:00/P1D");

        Fire(schedule, SetAt, limit: 10).ShouldBe([At("2027-06-01T09:00:00+08:00"), At("2027-06-02T09:00:00+08:00")]);
    }

    [Fact]
    public void Cycle_SkipsOccurrencesBeforeSetting_WhenStartIsInThePast()
    {
        var schedule = Parse(TimerKind.Cycle, "R/2020-01-05T09:00:00+08:00/P1Y");

        Fire(schedule, SetAt, limit: 2).ShouldBe([At("2028-01-05T09:00:00+08:00"), At("2029-01-05T09:00:00+08:00")]);
    }

    [Fact]
    public void Cycle_CountsSkippedOccurrencesTowardsTheRepetitions_WhenStartIsInThePast()
    {
        // 2026 and 2027 are gone when the timer is set in 2027-01-06: of three occurrences only 2028 is left.
        var schedule = Parse(TimerKind.Cycle, "R3/2026-01-05T09:00:00+08:00/P1Y");

        Fire(schedule, SetAt, limit: 10).ShouldBe([At("2028-01-05T09:00:00+08:00")]);
    }

    [Fact]
    public void Cycle_NeverFires_WhenEveryOccurrenceIsBeforeSetting()
    {
        Parse(TimerKind.Cycle, "R2/2020-01-05T09:00:00+08:00/P1Y").FirstDue(SetAt, Shanghai).ShouldBeNull();
        Parse(TimerKind.Cycle, "R0/PT1H").FirstDue(SetAt, Shanghai).ShouldBeNull();
    }

    [Fact]
    public void Cycle_ReadsTheStartInTheEngineZone_WhenStartHasNoOffset()
    {
        Parse(TimerKind.Cycle, "R/2027-01-07T09:00:00/P1D").FirstDue(SetAt, Shanghai).ShouldBe(At("2027-01-07T09:00:00+08:00"));
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
    public void Cycle_FindsTheNextOccurrenceAtOnce_WhenStartIsInTheYear1AndPeriodIsADay()
    {
        var schedule = Parse(TimerKind.Cycle, "R/0001-01-01T00:00:00Z/P1D");
        var watch = Stopwatch.StartNew();

        var first = schedule.FirstDue(SetAt, DateTimeZone.Utc);

        first.ShouldBe(At("2027-01-07T00:00:00Z"));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Cycle_FallsOnTheLastDayOfEachMonth_WhenMonthlyFromThe31st()
    {
        var schedule = Parse(TimerKind.Cycle, "R/2027-01-31T09:00:00+08:00/P1M");

        Fire(schedule, SetAt, limit: 4).ShouldBe(
        [
            At("2027-01-31T09:00:00+08:00"), At("2027-02-28T09:00:00+08:00"), At("2027-03-31T09:00:00+08:00"), At("2027-04-30T09:00:00+08:00"),
        ]);
    }

    [Fact]
    public void Cycle_KeepsTheWallClockTime_WhenDailyAcrossTheStartOfSummerTime()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var schedule = Parse(TimerKind.Cycle, "R3/2027-03-27T09:00:00/P1D");

        var first = schedule.FirstDue(At("2027-03-01T00:00:00Z"), berlin)!.Value;
        var second = schedule.NextDue(first, 1, berlin)!.Value;
        var third = schedule.NextDue(second, 2, berlin)!.Value;

        new[] { first, second, third }.ShouldBe([At("2027-03-27T08:00:00Z"), At("2027-03-28T07:00:00Z"), At("2027-03-29T07:00:00Z")]);
        schedule.NextDue(third, 3, berlin).ShouldBeNull();
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
    [InlineData("0 9 * * 1", "2027-01-11T09:00:00+08:00")] // standard cron: 1 = Monday
    [InlineData("30 8 * * MON-FRI", "2027-01-07T08:30:00+08:00")]
    [InlineData("0 0 9 ? * 2", "2027-01-11T09:00:00+08:00")] // Quartz: 2 = Monday
    [InlineData("0 0 9 ? * 1", "2027-01-10T09:00:00+08:00")] // Quartz: 1 = Sunday
    [InlineData("0 0 9 ? * 7", "2027-01-09T09:00:00+08:00")] // Quartz: 7 = Saturday
    [InlineData("0 0 9 ? * 2-6", "2027-01-07T09:00:00+08:00")] // Quartz: Monday to Friday
    [InlineData("0 0 9 ? * 2#1", "2027-02-01T09:00:00+08:00")] // Quartz: first Monday of the month
    [InlineData("0 0 9 ? * 6L", "2027-01-29T09:00:00+08:00")] // Quartz: last Friday of the month
    [InlineData("0 0 9 ? * 2/3", "2027-01-07T09:00:00+08:00")] // Quartz: every third day from Monday (Monday, Thursday)
    [InlineData("0 0 9 1 * ?", "2027-02-01T09:00:00+08:00")]
    public void Cron_IsDueAtTheNextMatchInTheEngineZone_WhenFiveOrSixFields(string text, string expected)
    {
        Parse(TimerKind.Cycle, text).FirstDue(SetAt, Shanghai).ShouldBe(At(expected));
    }

    [Fact]
    public void Cron_FiresAgainAfterEachOccurrence()
    {
        var schedule = Parse(TimerKind.Cycle, "0 9 * * 1");

        Fire(schedule, SetAt, limit: 3).ShouldBe([At("2027-01-11T09:00:00+08:00"), At("2027-01-18T09:00:00+08:00"), At("2027-01-25T09:00:00+08:00")]);
    }

    [Theory]
    [InlineData(TimerKind.Date, "tomorrow", "'tomorrow' is not an ISO 8601 date-time")]
    [InlineData(TimerKind.Date, "2027-02-30T09:00:00", "'2027-02-30T09:00:00' is not an ISO 8601 date-time")]
    [InlineData(TimerKind.Date, "", "empty")]
    [InlineData(TimerKind.Duration, "3 days", "'3 days' is not an ISO 8601 duration")]
    [InlineData(TimerKind.Duration, "P-1D", "'P-1D' is not an ISO 8601 duration")]
    [InlineData(TimerKind.Cycle, "Rx/PT1H", "'Rx' in 'Rx/PT1H' is not R followed by a whole number")]
    [InlineData(TimerKind.Cycle, "R3", "'R3' is not a repeating interval")]
    [InlineData(TimerKind.Cycle, "R/2027-01-05T09:00:00/PT1H/P1D", "'R/2027-01-05T09:00:00/PT1H/P1D' is not a repeating interval")]
    [InlineData(TimerKind.Cycle, "R/2027-01-05T09:00:00Z", "put the period last")]
    [InlineData(TimerKind.Cycle, "R/soon/PT1H", "'soon' in 'R/soon/PT1H' is not an ISO 8601 start date-time")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * ? 2027", "has a year field")]
    [InlineData(TimerKind.Cycle, "61 * * * *", "'61 * * * *' is not a valid cron expression")]
    [InlineData(TimerKind.Cycle, "every day", "'every day' is neither a repeating interval nor a cron expression")]
    public void TryParse_SaysWhatIsWrongAndShowsAnExample_WhenValueIsInvalid(TimerKind kind, string text, string expected)
    {
        TimerSchedule.TryParse(kind, text, out var schedule, out var error).ShouldBeFalse();

        schedule.ShouldBeNull();
        error.ShouldContain(expected);
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
