using System.Diagnostics;
using System.Text;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormSchemaHostileInputTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(1);

    [Fact]
    public void Parse_NamesTheLineAndPath_WhenTheTextIsNotJson()
    {
        var result = FormSchema.Parse("""
            {
              "components": [
                { "type": "textfield", "key": "a" },
                { "type": "textfield", "key": tru }
              ]
            }
            """);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(FormCodes.SchemaJson);
        problem.Path.ShouldBe("$.components[1].key");
        problem.Message.ShouldStartWith("The form is not valid JSON at line 4, column");
        result.Schema.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("<form/>")]
    [InlineData("{ \"components\": [], }")]
    [InlineData("{ /* comment */ \"components\": [] }")]
    public void Parse_RefusesIt_WhenTheTextIsNotStrictJson(string text)
    {
        FormSchema.Parse(text).Problems.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.SchemaJson);
    }

    [Fact]
    public void Parse_RefusesIt_WhenAPropertyAppearsTwice()
    {
        var result = FormSchema.Parse("""{ "components": [ { "type": "textfield", "key": "a", "key": "isAdmin" } ] }""");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(FormCodes.SchemaJson);
        problem.Path.ShouldBe("$.components[0].key");
        problem.Message.ShouldContain("'key' appears twice");
    }

    [Fact]
    public void Parse_RefusesItBeforeReading_WhenTheFileIsTooLarge()
    {
        var text = "{ \"components\": [], \"padding\": \"" + new string('x', 2_000_000) + "\" }";

        var clock = Stopwatch.StartNew();
        var problem = FormSchema.Parse(text).Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(FormCodes.SchemaTooLarge);
        problem.Message.ShouldContain("at most 1,000,000");
        clock.Elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_RefusesIt_WhenTheNestingIsTooDeep()
    {
        var text = new StringBuilder("{ \"components\": ");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append('[');
        }

        var clock = Stopwatch.StartNew();
        var problem = FormSchema.Parse(text.ToString()).Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(FormCodes.SchemaTooDeep);
        problem.Path.ShouldStartWith("$.components[0][0]");
        clock.Elapsed.ShouldBeLessThan(Fast);
    }

    [Fact]
    public void Parse_RefusesIt_WhenGroupsNestDeeperThanTheLimit()
    {
        var inner = """{ "type": "textfield", "key": "x" }""";
        for (var i = 0; i < 40; i++)
        {
            inner = $$"""{ "type": "group", "components": [ {{inner}} ] }""";
        }

        var problem = FormSchema.Parse($$"""{ "components": [ {{inner}} ] }""").Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(FormCodes.SchemaTooDeep);
    }

    [Fact]
    public void Parse_StopsReading_WhenThereAreTooManyComponents()
    {
        var components = string.Join(", ", Enumerable.Range(0, 2_500).Select(i => $$"""{ "type": "textfield", "key": "f{{i}}" }"""));

        var result = FormSchema.Parse($$"""{ "components": [ {{components}} ] }""");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(FormCodes.SchemaTooManyComponents);
        problem.Path.ShouldBe("$.components[2000]");
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("\"form\"", "$")]
    [InlineData("{ \"type\": \"default\" }", "$.components")]
    [InlineData("{ \"components\": {} }", "$.components")]
    public void Parse_SaysItIsNotAForm_WhenThereIsNoComponentList(string text, string path)
    {
        var problem = FormSchema.Parse(text).Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(FormCodes.SchemaNotAForm);
        problem.Path.ShouldBe(path);
    }

    [Fact]
    public void Parse_ReportsTheComponent_WhenAComponentIsNotAnObject()
    {
        var problem = FormSchema.Parse("""{ "components": [ 42 ] }""").Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(FormCodes.SchemaProperty);
        problem.Path.ShouldBe("$.components[0]");
    }
}
