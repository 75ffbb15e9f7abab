using System.Diagnostics;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorPatternTests
{
    private const string Hostile = "Validate_RefusesTheValueInTime_WhenAPatternBacktracksCatastrophically";

    [Fact]
    public void Validate_RefusesTheValueInTime_WhenAPatternBacktracksCatastrophically()
    {
        var form = FormFixtures.Schema(Hostile);
        var submission = new JsonObject { ["code"] = new string('a', 5_000) + "!" };

        var clock = Stopwatch.StartNew();
        var result = FormValidator.Validate(form, submission);
        clock.Stop();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("code");
        error.Code.ShouldBe(FormCodes.PatternTimeout);
        error.Message.ShouldContain("'代号 Code' could not be checked against its pattern (a+)+$ in time");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Validate_AcceptsTheValue_WhenTheSameHostilePatternMatchesQuickly()
    {
        var form = FormFixtures.Schema(Hostile);

        FormValidator.Validate(form, new JsonObject { ["code"] = "aaaa" }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_StopsRunningPatterns_WhenTheSubmissionsBudgetIsSpent()
    {
        var form = FormSchema.Parse(
            """
            { "type": "default", "components": [ { "type": "dynamiclist", "path": "rows", "components": [
              { "type": "textfield", "key": "code", "label": "Code", "validate": { "pattern": "(a+)+$" } } ] } ] }
            """,
            new FormLimits { PatternTimeout = TimeSpan.FromMilliseconds(50), PatternBudget = TimeSpan.FromMilliseconds(200) }).Schema!;
        var rows = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            rows.Add(new JsonObject { ["code"] = new string('a', 5_000) + "!" });
        }

        var clock = Stopwatch.StartNew();
        var result = FormValidator.Validate(form, new JsonObject { ["rows"] = rows });
        clock.Stop();

        result.Errors.Count.ShouldBe(100);
        result.Errors.ShouldAllBe(e => e.Code == FormCodes.PatternTimeout);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(@"^\d+$", "12\n", false)]
    [InlineData(@"^\d+$", "12", true)]
    [InlineData(@"\d", "x١y", false)]
    [InlineData(@"ZG-\d{4}", "编号 ZG-2026", true)]
    [InlineData(@"[$]", "US$", true)]
    [InlineData(@"\$$", "5$", true)]
    [InlineData(@"^[\u4e00-\u9fa5]+$", "整改", true)]
    public void Validate_ReadsThePatternAsABrowserDoes_WhenItUsesJavaScriptSyntax(string pattern, string value, bool valid)
    {
        var form = FormFixtures.Inline($$"""
            [ { "type": "textfield", "key": "text", "label": "Text", "validate": { "pattern": {{JsonValue.Create(pattern).ToJsonString()}} } } ]
            """);

        var result = FormValidator.Validate(form, new JsonObject { ["text"] = value });

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.Errors.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.Pattern);
        }
    }
}
