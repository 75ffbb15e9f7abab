using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorCoercionTests
{
    private static JsonNode? Stored(string component, JsonNode? value)
    {
        var form = FormFixtures.Inline($"[ {component} ]");
        var result = FormValidator.Validate(form, new JsonObject { ["v"] = value });
        result.Errors.ShouldBeEmpty();
        return result.Variables["v"];
    }

    private static FormFieldError Refused(string component, JsonNode? value)
    {
        var form = FormFixtures.Inline($"[ {component} ]");
        return FormValidator.Validate(form, new JsonObject { ["v"] = value }).Errors.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("\" 3.50 \"", "3.5")]
    [InlineData("\"1e2\"", "100")]
    [InlineData("-0.25", "-0.25")]
    public void Validate_StoresAJsonNumber_WhenANumberComesAsNumberOrNumericText(string submitted, string stored)
    {
        Stored("""{ "type": "number", "key": "v", "label": "V" }""", JsonNode.Parse(submitted))!.ToJsonString().ShouldBe(stored);
    }

    [Theory]
    [InlineData("\"1,000\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    public void Validate_RefusesTheNumber_WhenItIsNotOne(string submitted)
    {
        var error = Refused("""{ "type": "number", "key": "v", "label": "分数" }""", JsonNode.Parse(submitted));

        error.Code.ShouldBe(FormCodes.Type);
        error.Message.ShouldStartWith("'分数' must be a number such as 42 or 3.5");
    }

    [Fact]
    public void Validate_StoresTheNumberAsText_WhenTheFieldSerializesToString()
    {
        Stored("""{ "type": "number", "key": "v", "label": "V", "serializeToString": true }""", 12345678901234567890.5m)!
            .GetValue<string>().ShouldBe("12345678901234567890.5");
    }

    [Theory]
    [InlineData("7.5", true)]
    [InlineData("7.25", false)]
    [InlineData("-1", true)]
    public void Validate_ChecksTheIncrement_WhenTheFieldHasOne(string submitted, bool valid)
    {
        var form = FormFixtures.Inline("""[ { "type": "number", "key": "v", "label": "Hours", "increment": "0.5" } ]""");

        var result = FormValidator.Validate(form, new JsonObject { ["v"] = JsonNode.Parse(submitted) });

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            var error = result.Errors.ShouldHaveSingleItem();
            error.Code.ShouldBe(FormCodes.Increment);
            error.Message.ShouldBe("'Hours' must be a multiple of 0.5; given 7.25, the nearest valid values are 7 and 7.5.");
        }
    }

    [Fact]
    public void Validate_AsksForAWholeNumber_WhenTheFieldAllowsNoDecimals()
    {
        var error = Refused("""{ "type": "number", "key": "v", "label": "人数", "decimalDigits": 0 }""", 3.5m);

        error.Code.ShouldBe(FormCodes.Decimals);
        error.Message.ShouldBe("'人数' must be a whole number; given 3.5.");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"on\"", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"off\"", false)]
    [InlineData("false", false)]
    public void Validate_StoresABoolean_WhenACheckboxComesAsBooleanOrFormText(string submitted, bool stored)
    {
        Stored("""{ "type": "checkbox", "key": "v", "label": "V" }""", JsonNode.Parse(submitted))!.GetValue<bool>().ShouldBe(stored);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("true", "true")]
    [InlineData("\"整改完成\"", "整改完成")]
    public void Validate_StoresText_WhenATextFieldGetsAScalar(string submitted, string stored)
    {
        Stored("""{ "type": "textfield", "key": "v", "label": "V" }""", JsonNode.Parse(submitted))!.GetValue<string>().ShouldBe(stored);
    }

    [Theory]
    [InlineData("\"2026-05-01\"", "2026-05-01")]
    [InlineData("\" 2026-12-31 \"", "2026-12-31")]
    public void Validate_StoresAnIsoDate_WhenADateFieldGetsOne(string submitted, string stored)
    {
        Stored("""{ "type": "datetime", "subtype": "date", "key": "v", "dateLabel": "V" }""", JsonNode.Parse(submitted))!
            .GetValue<string>().ShouldBe(stored);
    }

    [Theory]
    [InlineData("2026-5-1")]
    [InlineData("2026-05-01T00:00:00Z")]
    [InlineData("20260501")]
    [InlineData("2026-13-01")]
    public void Validate_RefusesTheDate_WhenItIsNotAnIsoCalendarDate(string submitted)
    {
        var error = Refused("""{ "type": "datetime", "subtype": "date", "key": "v", "dateLabel": "Deadline" }""", submitted);

        error.Code.ShouldBe(FormCodes.Type);
        error.Message.ShouldBe($"'Deadline' must be a date such as 2026-05-01; given '{submitted}'.");
    }

    [Theory]
    [InlineData("utc_offset", "09:30+08:00", "09:30+08:00")]
    [InlineData("utc_offset", "09:30:15Z", "09:30:15Z")]
    [InlineData("utc_offset", "09:30:00+00:00", "09:30Z")]
    [InlineData("utc_normalized", "09:30+08:00", "01:30Z")]
    [InlineData("utc_normalized", "02:00+08:00", "18:00Z")]
    [InlineData("no_timezone", "09:30", "09:30")]
    public void Validate_StoresTheTimeInTheFieldsFormat_WhenATimeFieldGetsOne(string format, string submitted, string stored)
    {
        Stored($$"""{ "type": "datetime", "subtype": "time", "key": "v", "timeLabel": "V", "timeSerializingFormat": "{{format}}" }""", submitted)!
            .GetValue<string>().ShouldBe(stored);
    }

    [Theory]
    [InlineData("utc_offset", "09:30", "a time such as 09:30+08:00")]
    [InlineData("utc_normalized", "09:30", "a time such as 01:30Z")]
    [InlineData("no_timezone", "09:30+08:00", "a time such as 09:30")]
    [InlineData("utc_offset", "24:00+08:00", "a time such as 09:30+08:00")]
    [InlineData("utc_offset", "09:30+15:00", "a time such as 09:30+08:00")]
    public void Validate_RefusesTheTime_WhenItDoesNotFitTheFieldsFormat(string format, string submitted, string example)
    {
        var error = Refused($$"""{ "type": "datetime", "subtype": "time", "key": "v", "timeLabel": "At", "timeSerializingFormat": "{{format}}" }""", submitted);

        error.Code.ShouldBe(FormCodes.Type);
        error.Message.ShouldBe($"'At' must be {example}; given '{submitted}'.");
    }

    [Theory]
    [InlineData("utc_offset", "2026-05-01T09:30+08:00", "2026-05-01T09:30+08:00")]
    [InlineData("utc_normalized", "2026-05-01T02:00+08:00", "2026-04-30T18:00Z")]
    [InlineData("utc_normalized", "2026-05-01T09:30:00.000Z", "2026-05-01T09:30Z")]
    [InlineData("no_timezone", "2026-05-01T09:30", "2026-05-01T09:30")]
    public void Validate_StoresTheDateTimeInTheFieldsFormat_WhenADateTimeFieldGetsOne(string format, string submitted, string stored)
    {
        Stored($$"""{ "type": "datetime", "subtype": "datetime", "key": "v", "dateLabel": "V", "timeSerializingFormat": "{{format}}" }""", submitted)!
            .GetValue<string>().ShouldBe(stored);
    }

    [Theory]
    [InlineData("0001-01-01T00:00+08:00")]
    [InlineData("9999-12-31T23:30-08:00")]
    public void Validate_RefusesTheDateTime_WhenItsUtcInstantFallsOutsideTheCalendar(string submitted)
    {
        Refused("""{ "type": "datetime", "subtype": "datetime", "key": "v", "dateLabel": "V", "timeSerializingFormat": "utc_normalized" }""", submitted)
            .Code.ShouldBe(FormCodes.Type);
    }

    [Theory]
    [InlineData("0.5", "-7.25", "-7.5 and -7")]
    [InlineData("2", "79228162514264337593543950335", "")]
    public void Validate_NamesTheNearestValidValues_WhenTheyCanBeWritten(string increment, string submitted, string nearest)
    {
        var error = Refused($$"""{ "type": "number", "key": "v", "label": "Hours", "increment": "{{increment}}" }""", JsonNode.Parse(submitted));

        error.Code.ShouldBe(FormCodes.Increment);
        if (nearest.Length > 0)
        {
            error.Message.ShouldEndWith($"the nearest valid values are {nearest}.");
        }
    }

    [Fact]
    public void Validate_RefusesTheDateTime_WhenTheOffsetIsMissing()
    {
        var error = Refused("""{ "type": "datetime", "subtype": "datetime", "key": "v", "dateLabel": "Talk" }""", "2026-05-01T09:30");

        error.Message.ShouldBe("'Talk' must be a date and time such as 2026-05-01T09:30+08:00; given '2026-05-01T09:30'.");
    }

    [Fact]
    public void Validate_CountsLengthsAsTheBrowserDoes_WhenTextHasSurroundingSpaces()
    {
        var component = """{ "type": "textfield", "key": "v", "label": "Name", "validate": { "minLength": 2, "maxLength": 4 } }""";

        Stored(component, "  张三  ")!.GetValue<string>().ShouldBe("  张三  ");
        Refused(component, " 张 ").Code.ShouldBe(FormCodes.MinLength);
        Refused(component, "张三李四王").Message.ShouldBe("'Name' must have at most 4 characters; it has 5.");
    }

    [Fact]
    public void Validate_RefusesHugeText_WhenTheFieldSetsNoMaximum()
    {
        var error = Refused("""{ "type": "textarea", "key": "v", "label": "Notes" }""", new string('x', 100_001));

        error.Code.ShouldBe(FormCodes.MaxLength);
        error.Message.ShouldBe("'Notes' must have at most 100,000 characters; it has 100,001.");
    }

    [Theory]
    [InlineData("name@example.com", true)]
    [InlineData("zhang.san+rectify@mail.example.edu.cn", true)]
    [InlineData("name@localhost", false)]
    [InlineData("Zhang San <name@example.com>", false)]
    [InlineData("name@@example.com", false)]
    public void Validate_ChecksTheAddress_WhenTheFieldTakesEmail(string submitted, bool valid)
    {
        var form = FormFixtures.Inline("""[ { "type": "textfield", "key": "v", "label": "Email", "validate": { "validationType": "email" } } ]""");

        FormValidator.Validate(form, new JsonObject { ["v"] = submitted }).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("+8613800138000", true)]
    [InlineData("+86 138-0013-8000", true)]
    [InlineData("0086 (10) 6275 1234", true)]
    [InlineData("13800138000", false)]
    [InlineData("+86", false)]
    [InlineData("call me", false)]
    public void Validate_ChecksTheNumber_WhenTheFieldTakesPhone(string submitted, bool valid)
    {
        var form = FormFixtures.Inline("""[ { "type": "textfield", "key": "v", "label": "Phone", "validate": { "validationType": "phone" } } ]""");

        FormValidator.Validate(form, new JsonObject { ["v"] = submitted }).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Validate_ReportsEveryRefusedChoice_WhenAChecklistHasSeveral()
    {
        var error = Refused("""
            { "type": "checklist", "key": "v", "label": "Sources", "values": [ { "label": "巡视", "value": "inspection-tour" }, { "label": "审计", "value": "audit" } ] }
            """, new JsonArray("audit", "rumour", "gossip"));

        error.Code.ShouldBe(FormCodes.Option);
        error.Message.ShouldBe("'Sources' must be chosen from '巡视' (inspection-tour), '审计' (audit); given 'rumour', 'gossip'.");
    }

    [Fact]
    public void Validate_DropsRepeatedChoices_WhenAChoiceIsSubmittedTwice()
    {
        Stored("""{ "type": "taglist", "key": "v", "label": "V", "values": [ { "label": "A", "value": "a" } ] }""", new JsonArray("a", "a"))!
            .ToJsonString().ShouldBe("""["a"]""");
    }
}
