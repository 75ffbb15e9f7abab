using System.Text;
using FourDuty.Engine.Time;
using NodaTime;

namespace FourDuty.Tests.Engine.Time;

public sealed class BusinessCalendarLoaderTests
{
    private const string Source = "bad.json";

    [Fact]
    public void Read_NamesFileAndLine_WhenJsonIsMalformed()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read("{\n  \"years\": [\n    { \"year\": 2026,, }\n  ]\n}"));

        exception.Message.ShouldStartWith($"{Source} line 3 ");
    }

    [Fact]
    public void Read_NamesField_WhenPropertyIsMisspelt()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Year("\"makeupWorkingDays\": []")));

        exception.Message.ShouldBe($"{Source} line 1 ($.years[0].makeupWorkingDays): no such field. Check its spelling against seeds/README.md (names are case-sensitive).");
    }

    [Fact]
    public void Read_NamesField_WhenRequiredPropertyIsMissing()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(
            "{ \"years\": [ { \"year\": 2026, \"source\": \"x\", \"holidays\": [], \"makeUpWorkingDays\": [] } ] }"));

        exception.Message.ShouldContain("status");
    }

    [Fact]
    public void Read_NamesFieldAndValue_WhenDateIsInvalid()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Year(
            "\"holidays\": [ { \"name\": \"x\", \"from\": \"2026-02-30\" } ], \"makeUpWorkingDays\": []")));

        exception.Message.ShouldBe($"{Source} ($.years[0].holidays[0].from): '2026-02-30' is not a date. Write it as yyyy-MM-dd, e.g. 2026-10-01.");
    }

    [Fact]
    public void Read_Refuses_WhenMakeUpWorkingDayIsAWeekday()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Year(
            "\"holidays\": [], \"makeUpWorkingDays\": [ { \"date\": \"2026-02-18\" } ]")));

        exception.Message.ShouldStartWith($"{Source} ($.years[0].makeUpWorkingDays[0].date): 2026-02-18 is a Wednesday");
    }

    [Fact]
    public void Read_Refuses_WhenDayIsBothOffAndWorked()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Year(
            "\"holidays\": [ { \"name\": \"x\", \"from\": \"2026-02-14\", \"to\": \"2026-02-15\" } ], \"makeUpWorkingDays\": [ { \"date\": \"2026-02-14\" } ]")));

        exception.Message.ShouldContain("2026-02-14 is also a day off in $.years[0].holidays[0]");
    }

    [Fact]
    public void Read_Refuses_WhenHolidayEndsBeforeItStarts()
    {
        var exception = Should.Throw<InvalidDataException>(() => Read(Year(
            "\"holidays\": [ { \"name\": \"x\", \"from\": \"2026-10-07\", \"to\": \"2026-10-01\" } ], \"makeUpWorkingDays\": []")));

        exception.Message.ShouldStartWith($"{Source} ($.years[0].holidays[0].to): 2026-10-01 is before");
    }

    [Fact]
    public void Read_Refuses_WhenStatusIsUnknown()
    {
        var json = Year("\"holidays\": [], \"makeUpWorkingDays\": []").Replace("\"official\"", "\"draft\"", StringComparison.Ordinal);

        Should.Throw<InvalidDataException>(() => Read(json)).Message.ShouldContain("($.years[0].status): 'draft'");
    }

    [Fact]
    public void Read_Refuses_WhenYearIsListedTwice()
    {
        const string entry = "{ \"year\": 2026, \"status\": \"official\", \"source\": \"x\", \"holidays\": [], \"makeUpWorkingDays\": [] }";

        Should.Throw<InvalidDataException>(() => Read($"{{ \"years\": [ {entry}, {entry} ] }}"))
            .Message.ShouldContain("($.years[1].year): 2026 is listed twice");
    }

    [Fact]
    public void Load_ThrowsFileNotFound_WhenFileIsMissing()
    {
        Should.Throw<FileNotFoundException>(() => BusinessCalendar.Load("no-such-calendar.json", DateTimeZone.Utc));
    }

    private static BusinessCalendar Read(string json) =>
        BusinessCalendarLoader.Read(Encoding.UTF8.GetBytes(json), Source, DateTimeZone.Utc);

    private static string Year(string lists) =>
        $"{{ \"years\": [ {{ \"year\": 2026, \"status\": \"official\", \"source\": \"test\", {lists} }} ] }}";
}
