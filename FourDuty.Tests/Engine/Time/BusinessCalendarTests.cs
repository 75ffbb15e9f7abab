using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Tests.Engine.Time;

/// <summary>The shipped calendar (seeds/calendar/cn-2026-2027.json) on real dates around 2026's long holidays.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly BusinessCalendar Calendar =
        BusinessCalendar.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "calendar", "cn-2026-2027.json"), Shanghai);

    [Theory]
    [InlineData("2026-02-13", true)] // Friday before the Spring Festival
    [InlineData("2026-02-14", true)] // Saturday, make-up working day
    [InlineData("2026-02-15", false)] // Sunday, first day of the Spring Festival holiday
    [InlineData("2026-02-17", false)] // Tuesday, 正月初一
    [InlineData("2026-02-21", false)] // Saturday inside the holiday
    [InlineData("2026-02-23", false)] // Monday, 正月初七, last day off
    [InlineData("2026-02-24", true)] // Tuesday, back at work
    [InlineData("2026-02-28", true)] // Saturday, make-up working day
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-04", true)] // an ordinary Wednesday
    [InlineData("2026-09-20", true)] // Sunday, make-up working day for National Day
    [InlineData("2026-10-01", false)] // National Day
    [InlineData("2026-10-07", false)] // Wednesday, last day of the National Day holiday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday, make-up working day
    [InlineData("2026-01-04", true)] // Sunday, make-up working day for New Year's Day
    public void IsWorkingDay_FollowsTheNotice_WhenDateIs2026(string date, bool working)
    {
        Calendar.IsWorkingDay(Date(date)).ShouldBe(working);
    }

    [Fact]
    public void CountWorkingDays_Is248_WhenYearIs2026()
    {
        // 261 weekdays less the 13 statutory days off: the notice moves days, it does not add any.
        var first = Date("2026-01-01");
        var total = Calendar.CountWorkingDays(first, Date("2026-12-31")) + (Calendar.IsWorkingDay(first) ? 1 : 0);

        total.ShouldBe(248);
    }

    [Fact]
    public void AddWorkingDays_LandsOnFifthWorkingDayAtSameTime_WhenStartIsFridayAfternoon()
    {
        Calendar.AddWorkingDays(At("2026-03-06T15:00"), 5).ShouldBe(At("2026-03-13T15:00"));
    }

    [Fact]
    public void AddWorkingDays_CountsMakeUpSaturdayAndSkipsSpringFestival_WhenStartIsBeforeTheHoliday()
    {
        // Sat 14 Feb (worked), then 15–23 Feb off, then Tue 24 – Fri 27.
        Calendar.AddWorkingDays(At("2026-02-13T15:00"), 5).ShouldBe(At("2026-02-27T15:00"));
    }

    [Fact]
    public void AddWorkingDays_SkipsNationalDayAndCountsMakeUpSaturday_WhenStartIsBeforeTheHoliday()
    {
        Calendar.AddWorkingDays(At("2026-09-30T10:00"), 1).ShouldBe(At("2026-10-08T10:00"));
        Calendar.AddWorkingDays(At("2026-09-30T10:00"), 3).ShouldBe(At("2026-10-10T10:00"));
    }

    [Fact]
    public void AddWorkingDays_CountsMakeUpSunday_WhenNextDayIsOrdinarySaturday()
    {
        Calendar.AddWorkingDays(At("2026-09-18T17:00"), 1).ShouldBe(At("2026-09-20T17:00"));
    }

    [Fact]
    public void AddWorkingDays_CountsFromTheNextDay_WhenStartIsOnAHoliday()
    {
        // The start's own date never counts: Saturday 3 October (holiday) + 1 is the first working day after it.
        Calendar.AddWorkingDays(At("2026-10-03T09:30"), 1).ShouldBe(At("2026-10-08T09:30"));
    }

    [Fact]
    public void AddWorkingDays_ReadsTheDateInTheCalendarZone_WhenInstantIsUtc()
    {
        // 16:30 UTC on Friday 13 February is 00:30 on Saturday 14 February in Shanghai, a make-up working day,
        // so one working day later is Tuesday 24 February 00:30 in Shanghai.
        var start = new DateTimeOffset(2026, 2, 13, 16, 30, 0, TimeSpan.Zero);

        Calendar.AddWorkingDays(start, 1).ShouldBe(new DateTimeOffset(2026, 2, 23, 16, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingDays_GoesBack_WhenCountIsNegative()
    {
        Calendar.AddWorkingDays(At("2026-10-08T10:00"), -1).ShouldBe(At("2026-09-30T10:00"));
        Calendar.AddWorkingDays(At("2026-02-24T09:00"), -2).ShouldBe(At("2026-02-13T09:00"));
    }

    [Fact]
    public void AddWorkingDays_ReturnsStart_WhenCountIsZero()
    {
        Calendar.AddWorkingDays(At("2026-10-03T09:30"), 0).ShouldBe(At("2026-10-03T09:30"));
    }

    [Theory]
    [InlineData("2026-02-13T15:00", 5)]
    [InlineData("2026-02-14T08:00", 3)]
    [InlineData("2026-04-03T12:00", 2)]
    [InlineData("2026-09-30T10:00", 7)]
    [InlineData("2026-10-04T10:00", 10)]
    public void CountWorkingDays_UndoesAddWorkingDays_WhenCountingFromTheStartDate(string start, int workingDays)
    {
        var due = Calendar.AddWorkingDays(At(start), workingDays);

        Calendar.CountWorkingDays(DateOf(At(start)), DateOf(due)).ShouldBe(workingDays);
    }

    [Fact]
    public void CountWorkingDays_IsZero_WhenRangeIsTheSpringFestivalHoliday()
    {
        Calendar.CountWorkingDays(Date("2026-02-14"), Date("2026-02-23")).ShouldBe(0);
    }

    [Fact]
    public void CountWorkingDays_IsNegative_WhenToIsBeforeFrom()
    {
        Calendar.CountWorkingDays(Date("2026-02-27"), Date("2026-02-13")).ShouldBe(-5);
    }

    [Fact]
    public void Years_MarkUnconfirmed2027_WhenTheNoticeIsNotYetEntered()
    {
        Calendar.Years.ShouldBe([2026, 2027]);
        Calendar.UnconfirmedYears.ShouldBe([2027]);
        Calendar.IsWorkingDay(Date("2027-01-01")).ShouldBeFalse();
        Calendar.IsWorkingDay(Date("2027-10-01")).ShouldBeFalse();
    }

    [Fact]
    public void IsWorkingDay_ThrowsNamingTheYear_WhenYearHasNoData()
    {
        var exception = Should.Throw<BusinessCalendarException>(() => Calendar.IsWorkingDay(Date("2025-12-31")));

        exception.Year.ShouldBe(2025);
        exception.Message.ShouldContain("no data for 2025");
        exception.Message.ShouldContain("it covers 2026, 2027");
        exception.Message.ShouldContain("cn-2026-2027.json");
    }

    [Fact]
    public void AddWorkingDays_Throws_WhenCountRunsIntoAYearWithoutData()
    {
        Should.Throw<BusinessCalendarException>(() => Calendar.AddWorkingDays(At("2027-12-29T09:00"), 5))
            .Year.ShouldBe(2028);
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    private static DateTimeOffset At(string shanghaiLocal) =>
        NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(shanghaiLocal + ":00").Value
            .InZoneStrictly(Shanghai).ToDateTimeOffset();

    private static LocalDate DateOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(Shanghai).Date;
}
