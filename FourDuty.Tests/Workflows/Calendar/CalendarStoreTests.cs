using FourDuty.Engine.Time;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Calendar;
using NodaTime;

namespace FourDuty.Tests.Workflows.Calendar;

/// <summary>The working-day calendar lives in the database: an edited holiday moves deadlines at once, on this node and, after a look, on another.</summary>
public sealed class CalendarStoreTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Save_MovesWorkingDays_AndAnotherNodeSeesItAfterItsNextLook(TestStore store)
    {
        await using var node = await DomainHost.StartAsync(store);
        var calendar = node.Get<IBusinessCalendar>();
        var day = new LocalDate(2026, 6, 22);
        calendar.IsWorkingDay(day).ShouldBeTrue();
        var data = await node.Get<CalendarStore>().ReadAsync();
        var year = data.Years.Single(y => y.Year == 2026);

        await node.Get<CalendarStore>().SaveAsync([year with { Holidays = [.. year.Holidays, new CalendarHoliday("校庆 College day", day, day)] }], "xu.office");

        calendar.IsWorkingDay(day).ShouldBeFalse();
        if (node.Postgres is { } postgres)
        {
            await using var other = await DomainHost.StartAsync(store, postgres: postgres);
            other.Get<IBusinessCalendar>().IsWorkingDay(day).ShouldBeFalse();
            await node.Get<CalendarStore>().SaveAsync([year], "xu.office");
            other.Get<IBusinessCalendar>().IsWorkingDay(day).ShouldBeFalse();
            (await other.Get<CalendarStore>().ReloadIfChangedAsync()).ShouldBeTrue();
            other.Get<IBusinessCalendar>().IsWorkingDay(day).ShouldBeTrue();
        }
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task Save_RefusesACalendarThatBreaksARule_NamingTheField_AndKeepsTheOldOne(TestStore store)
    {
        await using var node = await DomainHost.StartAsync(store);
        var year = (await node.Get<CalendarStore>().ReadAsync()).Years.Single(y => y.Year == 2026);
        var wednesday = new LocalDate(2026, 6, 24);

        var error = await Should.ThrowAsync<InvalidDataException>(() =>
            node.Get<CalendarStore>().SaveAsync([year with { MakeUpWorkingDays = [.. year.MakeUpWorkingDays, new CalendarMakeUpDay(wednesday, "错误")] }], "xu.office"));

        error.Message.ShouldContain("makeUpWorkingDays[6].date");
        (await node.Get<CalendarStore>().ReadAsync()).Years.Single(y => y.Year == 2026).MakeUpWorkingDays.Count.ShouldBe(6);
    }
}
