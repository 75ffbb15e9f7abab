using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormValidatorConditionTests
{
    private static readonly FormSchema Form = FormSchema.Parse("""
        { "type": "default", "components": [
          { "type": "radio", "key": "decision", "label": "Decision", "validate": { "required": true },
            "values": [ { "label": "通过", "value": "approve" }, { "label": "退回", "value": "reject" } ] },
          { "type": "textarea", "key": "reason", "label": "Reason", "validate": { "required": true, "minLength": 10 },
            "conditional": { "hide": "=decision = \"approve\"" } },
          { "type": "group", "path": "followUp", "conditional": { "hide": "=decision = \"approve\"" }, "components": [
            { "type": "datetime", "subtype": "date", "key": "due", "dateLabel": "Due", "validate": { "required": true } } ] } ] }
        """).Schema!;

    [Fact]
    public void Validate_DoesNotRequireIt_WhenAFieldIsHiddenByACondition()
    {
        var result = FormValidator.Validate(Form, FormFixtures.Json("""{ "decision": "approve" }"""));

        result.Errors.ShouldBeEmpty();
        result.Variables.Keys.ShouldBe(["decision"]);
    }

    [Fact]
    public void Validate_StillChecksTheValue_WhenAConditionalFieldIsSubmitted()
    {
        var submission = FormFixtures.Json("""{ "decision": "reject", "reason": "太短", "followUp": { "due": "soon" } }""");

        var result = FormValidator.Validate(Form, submission);

        result.Errors.Select(e => (e.Key, e.Code)).ShouldBe([("reason", FormCodes.MinLength), ("followUp.due", FormCodes.Type)]);
    }

    [Fact]
    public void Fields_StillSayRequired_WhenTheServerCannotEnforceIt()
    {
        Form.Fields.Single(f => f.Key == "reason").Required.ShouldBeTrue();
    }
}
