using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorNestingTests
{
    private static readonly FormSchema Form = FormFixtures.Schema("Validate_ChecksEveryEntry_WhenMeasuresAreListedInADynamicList");

    private static JsonObject Valid() => FormFixtures.Json("""
        {
          "owner": { "name": "张三", "position": "president" },
          "measures": [
            { "measure": "补齐会议记录签字", "due": "2026-05-01", "done": true, "evidence": { "url": "https://files.example.edu.cn/sign.pdf" } },
            { "measure": "建立会议记录审核制度", "due": "2026-06-30", "done": "false" }
          ],
          "report": { "summary": "两项措施已落实一项。" }
        }
        """);

    [Fact]
    public void Validate_ReturnsNestedVariables_WhenGroupsListsAndDottedKeysAreValid()
    {
        var result = FormValidator.Validate(Form, Valid());

        result.Errors.ShouldBeEmpty();
        result.Variables.Keys.ShouldBe(["owner", "measures", "report"], ignoreOrder: true);
        JsonNode.DeepEquals(result.Variables["owner"], FormFixtures.Json("""{"name":"张三","position":"president"}""")).ShouldBeTrue();
        var measures = result.Variables["measures"]!.AsArray();
        measures.Count.ShouldBe(2);
        measures[1]!["done"]!.GetValue<bool>().ShouldBeFalse();
        measures[0]!["evidence"]!["url"]!.GetValue<string>().ShouldBe("https://files.example.edu.cn/sign.pdf");
        result.Variables["report"]!["summary"]!.GetValue<string>().ShouldBe("两项措施已落实一项。");
    }

    [Fact]
    public void Validate_ChecksEveryEntry_WhenMeasuresAreListedInADynamicList()
    {
        var submission = Valid();
        submission["measures"]![0]!["measure"] = "补";
        submission["measures"]![1]!.AsObject().Remove("due");
        submission["measures"]![1]!["evidence"] = new JsonObject { ["url"] = "ftp://files" };

        var result = FormValidator.Validate(Form, submission);

        result.Errors.Select(e => (e.Key, e.Label, e.Code)).ShouldBe(
        [
            ("measures[0].measure", "措施 Measure", FormCodes.MinLength),
            ("measures[1].due", "完成时限 Due", FormCodes.Required),
            ("measures[1].evidence.url", "链接 Link", FormCodes.Pattern),
        ]);
    }

    [Fact]
    public void Validate_ChecksTheGroupsFields_WhenTheyAreNestedUnderItsPath()
    {
        var submission = Valid();
        submission["owner"]!.AsObject().Remove("name");
        submission["owner"]!["position"] = "janitor";

        var result = FormValidator.Validate(Form, submission);

        result.Errors.Select(e => (e.Key, e.Code)).ShouldBe([("owner.name", FormCodes.Required), ("owner.position", FormCodes.Option)]);
    }

    [Fact]
    public void Validate_RefusesUnknownKeysAtEveryLevel_WhenNestedObjectsCarryExtraFields()
    {
        var submission = Valid();
        submission["owner"]!["salary"] = 1;
        submission["measures"]![0]!["approvedBy"] = "self";
        submission["report"]!["draft"] = true;

        var result = FormValidator.Validate(Form, submission);

        result.Errors.Select(e => e.Key).ShouldBe(["owner.salary", "measures[0].approvedBy", "report.draft"]);
        result.Errors.ShouldAllBe(e => e.Code == FormCodes.UnknownField);
    }

    [Fact]
    public void Validate_ReportsTheShape_WhenAListOrGroupIsNotWhatTheFormDeclares()
    {
        var submission = Valid();
        submission["owner"] = "张三";
        submission["measures"] = new JsonArray(JsonValue.Create("补齐签字"));

        var result = FormValidator.Validate(Form, submission);

        result.Errors.Select(e => (e.Key, e.Code)).ShouldBe([("owner", FormCodes.Type), ("measures[0]", FormCodes.Type)]);
    }

    [Fact]
    public void Validate_RefusesTheList_WhenItHasMoreEntriesThanTheLimit()
    {
        var form = FormSchema.Parse(FormFixtures.Read("Validate_ChecksEveryEntry_WhenMeasuresAreListedInADynamicList"),
            new FormLimits { MaxListItems = 3 }).Schema!;
        var submission = Valid();
        var measures = new JsonArray();
        for (var i = 0; i < 4; i++)
        {
            measures.Add(new JsonObject { ["measure"] = "措施内容足够长", ["due"] = "2026-05-01" });
        }

        submission["measures"] = measures;

        var error = FormValidator.Validate(form, submission).Errors.ShouldHaveSingleItem();

        error.Key.ShouldBe("measures");
        error.Code.ShouldBe(FormCodes.TooManyItems);
    }

    [Fact]
    public void Fields_DescribeGroupsAndLists_WhenTheFormNestsThem()
    {
        Form.Fields.Select(f => (f.Key, f.Type)).ShouldBe(
        [
            ("owner.name", FormFieldType.TextField),
            ("owner.position", FormFieldType.Select),
            ("measures", FormFieldType.DynamicList),
            ("report.summary", FormFieldType.TextArea),
        ]);
        var measures = Form.Fields[2];
        measures.Label.ShouldBe("整改措施 Measures");
        measures.Fields.Select(f => (f.Key, f.Type, f.Required)).ShouldBe(
        [
            ("measure", FormFieldType.TextArea, true),
            ("due", FormFieldType.Date, true),
            ("done", FormFieldType.Checkbox, false),
            ("evidence.url", FormFieldType.TextField, false),
        ]);
    }
}
