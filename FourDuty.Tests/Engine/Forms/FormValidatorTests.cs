using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorTests
{
    private const string Rectification = "Validate_ReturnsCoercedVariables_WhenARectificationIsFilledIn";

    private static readonly FormSchema Form = FormFixtures.Schema(Rectification);

    /// <summary>The task's variables the form was filled with.</summary>
    private static JsonObject Input() => FormFixtures.Json("""
        {
          "findingId": "XC-2026-014",
          "evidenceDocuments": [
            { "label": "整改方案.pdf", "value": "https://files.example.edu.cn/plan.pdf" },
            { "label": "会议纪要.docx", "value": "https://files.example.edu.cn/minutes.docx" }
          ]
        }
        """);

    /// <summary>A valid submission, as form-js submits it (the score as a string, as a plain HTML form would send it).</summary>
    private static JsonObject Valid() => FormFixtures.Json("""
        {
          "findingId": "XC-2026-014",
          "rectificationCode": "ZG-2026-001",
          "findingDescription": "专题会议记录不完整，缺少参会人员签字。",
          "rectificationDeadline": "2026-05-01",
          "responsiblePerson": "party-secretary",
          "evidenceLinks": ["https://files.example.edu.cn/plan.pdf"],
          "selfAssessment": "good",
          "score": "87.5",
          "contactEmail": "zhang.san@example.edu.cn",
          "contactPhone": "+86 138 0013 8000",
          "confirmed": "on"
        }
        """);

    [Fact]
    public void Validate_ReturnsCoercedVariables_WhenARectificationIsFilledIn()
    {
        var result = FormValidator.Validate(Form, Valid(), Input());

        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
        var variables = result.Variables;
        variables.Keys.ShouldBe(
            ["rectificationCode", "findingDescription", "rectificationDeadline", "responsiblePerson", "evidenceLinks",
                "selfAssessment", "score", "contactEmail", "contactPhone", "confirmed"],
            ignoreOrder: true);
        variables["score"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number);
        variables["score"]!.GetValue<double>().ShouldBe(87.5);
        variables["confirmed"]!.GetValue<bool>().ShouldBeTrue();
        variables["rectificationDeadline"]!.GetValue<string>().ShouldBe("2026-05-01");
        variables["responsiblePerson"]!.GetValue<string>().ShouldBe("party-secretary");
        variables["evidenceLinks"]!.ToJsonString().ShouldBe("""["https://files.example.edu.cn/plan.pdf"]""");
    }

    [Fact]
    public void Validate_LeavesTheReadOnlyValueAlone_WhenItComesBackUnchanged()
    {
        var result = FormValidator.Validate(Form, Valid(), Input());

        result.IsValid.ShouldBeTrue();
        result.Variables.ShouldNotContainKey("findingId");
    }

    [Fact]
    public void Validate_ReturnsDetachedVariables_WhenValid()
    {
        var result = FormValidator.Validate(Form, Valid(), Input());

        // The host may put them into its own JSON: they must not still belong to another parent.
        var copy = new JsonObject();
        foreach (var (name, value) in result.Variables)
        {
            copy[name] = value;
        }

        copy.Count.ShouldBe(result.Variables.Count);
    }

    public static TheoryData<string, string, string> OneBrokenRule => new()
    {
        // field, submitted value (JSON; "absent" removes the key), expected code
        { "findingDescription", "absent", FormCodes.Required },
        { "findingDescription", "\"   \"", FormCodes.Required },
        { "findingDescription", $"\"{new string('问', 2001)}\"", FormCodes.MaxLength },
        { "findingDescription", "{ \"text\": \"x\" }", FormCodes.Type },
        { "rectificationDeadline", "\"2026/05/01\"", FormCodes.Type },
        { "rectificationDeadline", "\"2026-02-30\"", FormCodes.Type },
        { "rectificationDeadline", "null", FormCodes.Required },
        { "responsiblePerson", "\"dean\"", FormCodes.Option },
        { "responsiblePerson", "[\"president\"]", FormCodes.Type },
        { "evidenceLinks", "[\"https://evil.example.com/x\"]", FormCodes.Option },
        { "selfAssessment", "\"优秀\"", FormCodes.Option },
        { "selfAssessment", "\"\"", FormCodes.Required },
        { "score", "\"eighty\"", FormCodes.Type },
        { "score", "101", FormCodes.Max },
        { "score", "-1", FormCodes.Min },
        { "score", "87.25", FormCodes.Decimals },
        { "contactEmail", "\"zhang.san@\"", FormCodes.Email },
        { "contactPhone", "\"13800138000\"", FormCodes.Phone },
        { "rectificationCode", "\"ZG-26-1\"", FormCodes.Pattern },
        { "rectificationCode", "\"ZG-2026-001\\n\"", FormCodes.Pattern },
        { "confirmed", "false", FormCodes.Required },
        { "confirmed", "\"off\"", FormCodes.Required },
        { "confirmed", "\"yes please\"", FormCodes.Type },
        { "findingId", "\"XC-2026-999\"", FormCodes.ReadOnly },
    };

    [Theory]
    [MemberData(nameof(OneBrokenRule))]
    public void Validate_ReportsExactlyThatRuleOnThatField_WhenOneRuleIsBroken(string field, string value, string code)
    {
        var submission = Valid();
        if (value == "absent")
        {
            submission.Remove(field);
        }
        else
        {
            submission[field] = JsonNode.Parse(value);
        }

        var result = FormValidator.Validate(Form, submission, Input());

        result.IsValid.ShouldBeFalse();
        result.Variables.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Key.ShouldBe(field);
        error.Code.ShouldBe(code);
        error.Label.ShouldBe(Form.Fields.Single(f => f.Key == field).Label);
        error.Message.ShouldStartWith($"'{error.Label}'");
    }

    [Fact]
    public void Validate_ReportsEveryInvalidField_WhenSeveralRulesAreBroken()
    {
        var submission = Valid();
        submission.Remove("findingDescription");
        submission["rectificationDeadline"] = "next Friday";
        submission["score"] = 250;
        submission["contactEmail"] = "not-an-address";
        submission["confirmed"] = false;
        submission["isAdmin"] = true;

        var result = FormValidator.Validate(Form, submission, Input());

        result.Errors.Select(e => (e.Key, e.Code)).ShouldBe(
        [
            ("isAdmin", FormCodes.UnknownField),
            ("findingDescription", FormCodes.Required),
            ("rectificationDeadline", FormCodes.Type),
            ("score", FormCodes.Max),
            ("contactEmail", FormCodes.Email),
            ("confirmed", FormCodes.Required),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Validate_NamesTheFieldAndTheRule_WhenADateIsMalformed()
    {
        var submission = Valid();
        submission["rectificationDeadline"] = "1 May";

        var error = FormValidator.Validate(Form, submission, Input()).Errors.ShouldHaveSingleItem();

        error.Label.ShouldBe("整改期限 Rectification deadline");
        error.Message.ShouldBe("'整改期限 Rectification deadline' must be a date such as 2026-05-01; given '1 May'.");
    }

    [Fact]
    public void Validate_RefusesEveryUnknownKey_WhenTheSubmissionCarriesFieldsTheFormDoesNotDeclare()
    {
        var submission = Valid();
        submission["assignee"] = "attacker";
        submission["__proto__"] = new JsonObject { ["polluted"] = true };

        var result = FormValidator.Validate(Form, submission, Input());

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => e.Key).ShouldBe(["assignee", "__proto__"]);
        result.Errors.ShouldAllBe(e => e.Code == FormCodes.UnknownField);
        result.Errors[0].Message.ShouldBe("'assignee' is not a field of this form; remove it from the submission.");
    }

    [Fact]
    public void Validate_RefusesAKeyOfALayoutComponent_WhenItIsSubmitted()
    {
        var submission = Valid();
        submission["Field_1f4vq1n"] = "提交";

        FormValidator.Validate(Form, submission, Input()).Errors.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.UnknownField);
    }

    [Fact]
    public void Validate_ChecksOptionsFromTheVariable_OnlyWhenTheTaskVariablesAreGiven()
    {
        var submission = Valid();
        submission["evidenceLinks"] = new JsonArray("https://elsewhere.example.com/doc.pdf");

        FormValidator.Validate(Form, submission, Input()).Errors.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.Option);

        // Without the task's variables the options are unknown: the read-only field is then held to its (absent) default.
        submission.Remove("findingId");
        FormValidator.Validate(Form, submission).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_StoresTheOptionValue_WhenAChoiceComesAsAnotherJsonKind()
    {
        var form = FormFixtures.Inline("""
            [ { "type": "select", "key": "level", "label": "Level", "values": [ { "label": "One", "value": 1 }, { "label": "Two", "value": 2 } ] },
              { "type": "checklist", "key": "tags", "label": "Tags", "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" } ] } ]
            """);

        var result = FormValidator.Validate(form, FormFixtures.Json("""{ "level": "2", "tags": "b" }"""));

        result.Errors.ShouldBeEmpty();
        result.Variables["level"]!.ToJsonString().ShouldBe("2");
        result.Variables["tags"]!.ToJsonString().ShouldBe("""["b"]""");
    }

    [Fact]
    public void Validate_StoresEmptyValues_WhenOptionalFieldsAreSubmittedEmpty()
    {
        var submission = Valid();
        submission["contactPhone"] = "";
        submission["evidenceLinks"] = new JsonArray();
        submission["rectificationCode"] = null;

        var result = FormValidator.Validate(Form, submission, Input());

        result.Errors.ShouldBeEmpty();
        result.Variables["contactPhone"]!.GetValue<string>().ShouldBe("");
        result.Variables["evidenceLinks"]!.AsArray().Count.ShouldBe(0);
        result.Variables["rectificationCode"].ShouldBeNull();
    }

    [Fact]
    public void Validate_ReportsTheRepeatedKey_WhenTheSubmissionWasParsedWithDuplicateNames()
    {
        var submission = JsonNode.Parse("""{ "score": 90, "score": 10, "evidenceLinks": [] }""")!.AsObject();

        var error = FormValidator.Validate(Form, submission, Input()).Errors.ShouldHaveSingleItem();

        error.Code.ShouldBe(FormCodes.DuplicateKey);
        error.Key.ShouldBe("");
        error.Message.ShouldBe("The submission names the same field twice; send each field once.");
    }

    [Fact]
    public void Validate_NamesTheObject_WhenANestedObjectRepeatsAName()
    {
        var form = FormFixtures.Schema("Validate_ChecksEveryEntry_WhenMeasuresAreListedInADynamicList");
        var submission = JsonNode.Parse("""{ "measures": [ { "measure": "补齐签字记录", "due": "2026-05-01", "due": "2027-01-01" } ] }""")!.AsObject();

        var error = FormValidator.Validate(form, submission).Errors.ShouldHaveSingleItem();

        error.Code.ShouldBe(FormCodes.DuplicateKey);
        error.Key.ShouldBe("measures[0]");
    }
}
