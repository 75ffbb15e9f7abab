using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormSchemaTests
{
    [Fact]
    public void Parse_DescribesEveryValueField_WhenGivenAFormFromTheFormEditor()
    {
        var result = FormSchema.Parse(FormFixtures.Read("Validate_ReturnsCoercedVariables_WhenARectificationIsFilledIn"));

        result.IsValid.ShouldBeTrue();
        result.Problems.ShouldBeEmpty();
        var schema = result.Schema!;
        schema.Id.ShouldBe("rectification-feedback");
        schema.SchemaVersion.ShouldBe(16);
        schema.Fields.Select(f => (f.Key, f.Type)).ShouldBe(
        [
            ("findingId", FormFieldType.TextField),
            ("rectificationCode", FormFieldType.TextField),
            ("findingDescription", FormFieldType.TextArea),
            ("rectificationDeadline", FormFieldType.Date),
            ("responsiblePerson", FormFieldType.Select),
            ("evidenceLinks", FormFieldType.TagList),
            ("selfAssessment", FormFieldType.Radio),
            ("score", FormFieldType.Number),
            ("contactEmail", FormFieldType.TextField),
            ("contactPhone", FormFieldType.TextField),
            ("confirmed", FormFieldType.Checkbox),
        ]);
    }

    [Fact]
    public void Fields_CarryWhatAPageShows_WhenTheFormDeclaresIt()
    {
        var fields = FormFixtures.Schema("Validate_ReturnsCoercedVariables_WhenARectificationIsFilledIn").Fields.ToDictionary(f => f.Key);

        var deadline = fields["rectificationDeadline"];
        deadline.Label.ShouldBe("整改期限 Rectification deadline");
        deadline.Required.ShouldBeTrue();
        deadline.ComponentId.ShouldBe("Field_1a5xk3c");

        var assessment = fields["selfAssessment"];
        assessment.Options.ShouldBe(
        [
            new FormOption("excellent", "优秀"), new FormOption("good", "良好"), new FormOption("fair", "一般"), new FormOption("poor", "较差"),
        ]);

        fields["findingId"].ReadOnly.ShouldBeTrue();
        fields["findingId"].Description.ShouldBe("由系统分配 Assigned by the system");
        fields["evidenceLinks"].OptionsKey.ShouldBe("evidenceDocuments");
        fields["evidenceLinks"].Options.ShouldBeEmpty();
        fields["confirmed"].DefaultValue!.GetValue<bool>().ShouldBeFalse();
        fields["score"].DefaultValue.ShouldBeNull();
        fields["score"].Required.ShouldBeTrue();
    }

    [Fact]
    public void DefaultValue_ReturnsACopy_WhenTheCallerChangesIt()
    {
        var form = FormFixtures.Inline("""[ { "type": "checklist", "key": "tags", "label": "Tags", "defaultValue": ["a"], "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" } ] } ]""");

        form.Fields[0].DefaultValue!.AsArray().Add("b");

        form.Fields[0].DefaultValue!.ToJsonString().ShouldBe("""["a"]""");
    }

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce_WhenAFormHasManyMistakes()
    {
        var result = FormSchema.Parse(FormFixtures.Read("Parse_ReportsEveryProblemAtOnce_WhenAFormHasManyMistakes"));

        result.IsValid.ShouldBeFalse();
        result.Schema.ShouldBeNull();
        result.Problems.Select(p => (p.Code, p.ComponentId, p.Severity)).ShouldBe(
        [
            (FormCodes.SchemaKey, "Field_nokey", ProblemSeverity.Error),
            (FormCodes.SchemaKey, "Field_badkey", ProblemSeverity.Error),
            (FormCodes.SchemaKeyConflict, "Field_second", ProblemSeverity.Error),
            (FormCodes.SchemaPattern, "Field_pattern", ProblemSeverity.Error),
            (FormCodes.SchemaUnsupported, "Field_expression", ProblemSeverity.Error),
            (FormCodes.SchemaUnsupported, "Field_upload", ProblemSeverity.Error),
            (FormCodes.SchemaUnknownType, "Field_rating", ProblemSeverity.Warning),
            (FormCodes.SchemaProperty, "Field_nooptions", ProblemSeverity.Error),
            (FormCodes.SchemaProperty, "Field_min", ProblemSeverity.Error),
        ]);
        result.Problems[0].Path.ShouldBe("$.components[0].key");
        result.Problems[1].Message.ShouldContain("'整改 期限'");
        result.Problems[2].Message.ShouldContain("'deadline' is already used by the component 'Field_first'");
        result.Problems[3].Path.ShouldBe("$.components[4].validate.pattern");
        result.Problems[4].Message.ShouldContain("not supported");
        result.Problems[8].Path.ShouldBe("$.components[9].validate.min");
        result.Problems[8].Message.ShouldBe("'validate.min' of 'Score' must be a number; given zero.");
    }

    [Fact]
    public void Parse_IgnoresTheUnknownComponent_WhenTheRestOfTheFormIsFine()
    {
        var result = FormSchema.Parse("""
            { "type": "default", "components": [
              { "type": "rating", "id": "Field_stars", "key": "stars" },
              { "type": "textfield", "key": "name", "label": "Name" } ] }
            """);

        result.IsValid.ShouldBeTrue();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.SchemaUnknownType);
        result.Schema!.Fields.ShouldHaveSingleItem().Key.ShouldBe("name");
    }

    [Fact]
    public void Parse_SkipsLayoutComponents_WhenTheyHoldNoValue()
    {
        var form = FormFixtures.Inline("""
            [ { "type": "text", "text": "# 标题" }, { "type": "html", "content": "<p>说明</p>" }, { "type": "spacer", "height": 40 },
              { "type": "separator" }, { "type": "image", "source": "https://example.edu.cn/logo.png", "alt": "logo" },
              { "type": "iframe", "url": "https://example.edu.cn" }, { "type": "button", "key": "submit", "action": "submit", "label": "提交" },
              { "type": "textfield", "key": "name", "label": "Name" } ]
            """);

        form.Fields.ShouldHaveSingleItem().Key.ShouldBe("name");
    }

    [Fact]
    public void Parse_ReadsDateAndTimeFields_WhenTheSubtypeSaysWhichOne()
    {
        var form = FormFixtures.Inline("""
            [ { "type": "datetime", "key": "day", "dateLabel": "Day" },
              { "type": "datetime", "subtype": "time", "key": "at", "timeLabel": "At", "use24h": true, "timeSerializingFormat": "no_timezone" },
              { "type": "datetime", "subtype": "datetime", "key": "when", "dateLabel": "When", "timeLabel": "Time" } ]
            """);

        form.Fields.Select(f => (f.Key, f.Type, f.Label)).ShouldBe(
            [("day", FormFieldType.Date, "Day"), ("at", FormFieldType.Time, "At"), ("when", FormFieldType.DateTime, "When")]);
    }

    [Fact]
    public void Parse_WarnsThatTheServerCannotEnforceIt_WhenARuleDependsOnFeel()
    {
        var result = FormSchema.Parse("""
            { "type": "default", "components": [
              { "type": "textfield", "id": "Field_reason", "key": "reason", "label": "Reason", "validate": { "required": true },
                "conditional": { "hide": "=approved" } },
              { "type": "number", "id": "Field_amount", "key": "amount", "label": "Amount", "validate": { "max": "=budget" } },
              { "type": "select", "id": "Field_who", "key": "who", "label": "Who", "valuesExpression": "=people" },
              { "type": "textfield", "id": "Field_note", "key": "note", "label": "Note", "readonly": "=locked" } ] }
            """);

        result.IsValid.ShouldBeTrue();
        result.Problems.Select(p => (p.Code, p.ComponentId)).ShouldBe(
        [
            (FormCodes.SchemaNotEnforced, "Field_reason"),
            (FormCodes.SchemaNotEnforced, "Field_amount"),
            (FormCodes.SchemaNotEnforced, "Field_who"),
            (FormCodes.SchemaNotEnforced, "Field_note"),
        ]);
        result.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Parse_WarnsAndDropsTheDefault_WhenItDoesNotFitTheField()
    {
        var result = FormSchema.Parse("""
            { "type": "default", "components": [
              { "type": "select", "id": "Field_level", "key": "level", "label": "Level", "defaultValue": "top",
                "values": [ { "label": "Low", "value": "low" } ] } ] }
            """);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(FormCodes.SchemaDefault);
        problem.Path.ShouldBe("$.components[0].defaultValue");
        result.Schema!.Fields[0].DefaultValue.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "type": "group", "id": "Field_g", "path": "a", "components": [] }, { "type": "textfield", "id": "Field_t", "key": "a" }""")]
    [InlineData("""{ "type": "textfield", "id": "Field_g", "key": "a" }, { "type": "textfield", "id": "Field_t", "key": "a.b" }""")]
    [InlineData("""{ "type": "dynamiclist", "id": "Field_g", "path": "a", "components": [] }, { "type": "dynamiclist", "id": "Field_t", "path": "a" }""")]
    public void Parse_ReportsAKeyConflict_WhenTwoComponentsBindTheSameName(string components)
    {
        var result = FormSchema.Parse($$"""{ "type": "default", "components": [ {{components}} ] }""");

        var problem = result.Errors.ShouldHaveSingleItem();
        problem.Code.ShouldBe(FormCodes.SchemaKeyConflict);
        problem.ComponentId.ShouldBe("Field_t");
    }

    [Fact]
    public void Parse_MergesTheGroups_WhenTwoGroupsShareAPath()
    {
        var form = FormFixtures.Inline("""
            [ { "type": "group", "path": "owner", "components": [ { "type": "textfield", "key": "name", "label": "Name" } ] },
              { "type": "group", "path": "owner", "components": [ { "type": "textfield", "key": "phone", "label": "Phone" } ] } ]
            """);

        form.Fields.Select(f => f.Key).ShouldBe(["owner.name", "owner.phone"]);
    }

    [Fact]
    public void Parse_ReadsPageComponentsAsTransparent_WhenTheFormHasSeveralPages()
    {
        var form = FormFixtures.Inline("""
            [ { "type": "multipage", "components": [
                { "type": "page", "label": "1", "components": [ { "type": "textfield", "key": "a", "label": "A" } ] },
                { "type": "page", "label": "2", "components": [ { "type": "textfield", "key": "b", "label": "B" } ] } ] } ]
            """);

        form.Fields.Select(f => f.Key).ShouldBe(["a", "b"]);
    }

    [Theory]
    [InlineData("__proto__")]
    [InlineData("a..b")]
    [InlineData("a b")]
    [InlineData("")]
    public void Parse_RefusesTheKey_WhenItIsNotADottedName(string key)
    {
        var result = FormSchema.Parse($$"""{ "type": "default", "components": [ { "type": "textfield", "key": "{{key}}" } ] }""");

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(FormCodes.SchemaKey);
    }
}
