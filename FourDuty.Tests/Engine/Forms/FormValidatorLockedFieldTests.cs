using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorLockedFieldTests
{
    private static readonly FormSchema Form = FormFixtures.Inline("""
        [ { "type": "textfield", "key": "status", "label": "Status", "readonly": true, "defaultValue": "submitted" },
          { "type": "number", "key": "level", "label": "Level", "disabled": true, "defaultValue": 2 },
          { "type": "textfield", "key": "finding", "label": "Finding", "readonly": true },
          { "type": "checkbox", "key": "urgent", "label": "Urgent", "readonly": true },
          { "type": "textfield", "key": "note", "label": "Note" } ]
        """);

    [Fact]
    public void Validate_AcceptsLockedFields_WhenTheyComeBackAsShown()
    {
        var submission = FormFixtures.Json("""{ "status": "submitted", "level": "2", "finding": "会议记录缺签字", "urgent": false, "note": "ok" }""");
        var input = FormFixtures.Json("""{ "finding": "会议记录缺签字" }""");

        var result = FormValidator.Validate(Form, submission, input);

        result.Errors.ShouldBeEmpty();
        result.Variables.Keys.ShouldBe(["status", "note"], ignoreOrder: true);
        result.Variables["status"]!.GetValue<string>().ShouldBe("submitted");
    }

    [Fact]
    public void Validate_AcceptsLockedFields_WhenTheyAreLeftOut()
    {
        var result = FormValidator.Validate(Form, FormFixtures.Json("""{ "note": "ok" }"""));

        result.Errors.ShouldBeEmpty();
        result.Variables.Keys.ShouldBe(["note"]);
    }

    [Theory]
    [InlineData("status", "\"approved\"", "read-only")]
    [InlineData("level", "3", "disabled")]
    [InlineData("finding", "\"nothing happened\"", "read-only")]
    [InlineData("urgent", "true", "read-only")]
    public void Validate_RefusesTheChange_WhenALockedFieldComesBackDifferent(string field, string value, string kind)
    {
        var submission = FormFixtures.Json("""{ "note": "ok" }""");
        submission[field] = JsonNode.Parse(value);
        var input = FormFixtures.Json("""{ "finding": "会议记录缺签字" }""");

        var error = FormValidator.Validate(Form, submission, input).Errors.ShouldHaveSingleItem();

        error.Key.ShouldBe(field);
        error.Code.ShouldBe(FormCodes.ReadOnly);
        error.Message.ShouldContain($"is {kind} and cannot be changed");
    }

    [Fact]
    public void Validate_HoldsTheReadOnlyFieldToTheVariable_WhenTheTaskHasOne()
    {
        var input = FormFixtures.Json("""{ "status": "returned" }""");

        FormValidator.Validate(Form, FormFixtures.Json("""{ "status": "submitted" }"""), input)
            .Errors.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.ReadOnly);
        var result = FormValidator.Validate(Form, FormFixtures.Json("""{ "status": "returned" }"""), input);
        result.IsValid.ShouldBeTrue();
        result.Variables.ShouldNotContainKey("status");
    }
}
