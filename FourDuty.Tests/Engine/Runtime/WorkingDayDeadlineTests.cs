using FourDuty.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FourDuty.Tests.Engine.Runtime;

/// <summary>Deadlines in working days, through the expression functions, against the shipped calendar.</summary>
public sealed class WorkingDayDeadlineTests
{
    // Wednesday before National Day: 1-7 October are off, Saturday 10 October is a make-up working day.
    private static readonly DateTimeOffset BeforeNationalDay = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly string Model = ProcessXml.Of("p", """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
        <userTask id="report" camunda:dueDate="${workdays(3)}"/>
        <boundaryEvent id="late" attachedToRef="report" cancelActivity="false">
          <timerEventDefinition><timeDate>${workdays(3)}</timeDate></timerEventDefinition>
        </boundaryEvent>
        <sequenceFlow id="f2" sourceRef="late" targetRef="followUp"/>
        <userTask id="followUp"/>
        """);

    [Fact]
    public async Task DueDateAndTimer_CountWorkingDays_SkippingHolidaysAndUsingMakeUpDays()
    {
        await using var scenario = await DeployWithCalendarAsync(Model);
        scenario.Clock.MoveTo(BeforeNationalDay);

        await scenario.StartAsync("p");

        var expected = new DateTimeOffset(2026, 10, 10, 10, 0, 0, TimeSpan.FromHours(8));
        (await scenario.OpenTaskRecordsAsync()).Single().DueAt.ShouldBe(expected);
        await scenario.AdvanceAsync(expected - BeforeNationalDay - TimeSpan.FromMinutes(1));
        await scenario.ShouldHaveOpenTasksAsync("report");
        await scenario.AdvanceAsync(TimeSpan.FromMinutes(1));
        await scenario.ShouldHaveOpenTasksAsync("followUp", "report");
    }

    [Fact]
    public async Task WorkingDays_BeyondTheCalendar_RaiseIncidentNamingTheYear()
    {
        await using var scenario = await DeployWithCalendarAsync(Model);
        scenario.Clock.MoveTo(new DateTimeOffset(2028, 1, 3, 9, 0, 0, TimeSpan.FromHours(8)));

        await scenario.StartAsync("p");

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("report");
        incident.Message.ShouldContain("2028");
    }

    [Fact]
    public async Task WorkingDays_WithoutCalendar_RaiseClearIncident()
    {
        await using var scenario = await Scenario.DeployAsync(Model);

        await scenario.StartAsync("p");

        (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem().Message.ShouldContain("no business calendar is configured");
    }

    private static Task<Scenario> DeployWithCalendarAsync(string model) =>
        Scenario.DeployAsync(TestStore.InMemory, services => services.AddSingleton<IBusinessCalendar>(
            BusinessCalendar.Load(Path.Combine(AppContext.BaseDirectory, "seeds/calendar/cn-2026-2027.json"), DateTimeZoneProviders.Tzdb["Asia/Shanghai"])), model);
}
