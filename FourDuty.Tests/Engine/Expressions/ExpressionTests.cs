using FourDuty.Engine.Expressions;

namespace FourDuty.Tests.Engine.Expressions;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("office,discipline")]
    [InlineData("costs $5 and #3 {not a script}")]
    [InlineData("")]
    public void TryParse_ReadsPlainText_WhenThereIsNoScript(string text)
    {
        var expression = Parse(text);

        expression.IsLiteral.ShouldBeTrue();
        expression.IsSingleScript.ShouldBeFalse();
        expression.Source.ShouldBe(text);
        expression.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("${amount > 1000}", "amount > 1000")]
    [InlineData("#{amount > 1000}", "amount > 1000")]
    [InlineData("${  subject.leader  }", "subject.leader")]
    public void TryParse_ReadsOneScript_WhenTheWholeTextIsOneDollarOrHashBrace(string text, string code)
    {
        var expression = Parse(text);

        expression.IsSingleScript.ShouldBeTrue();
        expression.IsLiteral.ShouldBeFalse();
        expression.Parts.ShouldHaveSingleItem().ShouldBe(new ExpressionPart(code, IsScript: true));
    }

    [Fact]
    public void TryParse_SplitsATemplateIntoTextAndScripts_WhenItHasSeveralParts()
    {
        var expression = Parse("Dear ${owner.name}, ${items.length} items are due on #{due}.");

        expression.IsLiteral.ShouldBeFalse();
        expression.IsSingleScript.ShouldBeFalse();
        expression.Parts.ShouldBe(
        [
            new ExpressionPart("Dear ", false), new ExpressionPart("owner.name", true), new ExpressionPart(", ", false),
            new ExpressionPart("items.length", true), new ExpressionPart(" items are due on ", false), new ExpressionPart("due", true),
            new ExpressionPart(".", false),
        ]);
    }

    [Fact]
    public void TryParse_ReadsTwoScriptsWithNothingBetween()
    {
        Parse("${first}${second}").Parts.ShouldBe([new ExpressionPart("first", true), new ExpressionPart("second", true)]);
    }

    [Theory]
    [InlineData("${ {a: 1, b: 2}.b }", "{a: 1, b: 2}.b")]
    [InlineData("${x == '}'}", "x == '}'")]
    [InlineData("${x == \"}{\"}", "x == \"}{\"")]
    [InlineData("${'it\\'s }' + x}", "'it\\'s }' + x")]
    [InlineData("${`${a}-${b}`}", "`${a}-${b}`")]
    [InlineData("${[1, {k: [2, {}]}].length}", "[1, {k: [2, {}]}].length")]
    [InlineData("${(x => { return x; })(1)}", "(x => { return x; })(1)")]
    public void TryParse_FindsTheClosingBrace_WhenBracesAreInsideStringsOrObjectLiterals(string text, string code)
    {
        Parse(text).Parts.ShouldHaveSingleItem().ShouldBe(new ExpressionPart(code, IsScript: true));
    }

    [Theory]
    [InlineData("${amount >}", "'amount >' is not a JavaScript expression")]
    [InlineData("Dear ${owner name}", "'owner name' is not a JavaScript expression")]
    [InlineData("${var x = 1}", "'var x = 1' is not a JavaScript expression")]
    [InlineData("${}", "'${}' is empty")]
    [InlineData("${   }", "'${}' is empty")]
    [InlineData("${amount > 1000", "'${' at position 1 has no matching '}'")]
    [InlineData("total: #{'}", "'#{' at position 8 has no matching '}'")]
    [InlineData("ok ${a} then ${", "'${' at position 14 has no matching '}'")]
    public void TryParse_SaysWhichCodeIsWrong_WhenAScriptDoesNotParse(string text, string expected)
    {
        Expression.TryParse(text, out var expression, out var error).ShouldBeFalse();

        error.ShouldContain(expected);
        expression.IsLiteral.ShouldBeTrue("a failed parse gives the text back as a literal");
    }

    [Fact]
    public void TryParse_GivesTheColumnInTheCode_WhenAScriptDoesNotParse()
    {
        Expression.TryParse("${a + + }", out _, out var error).ShouldBeFalse();

        error.ShouldContain("(column ");
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionNamingTheText_WhenAScriptDoesNotParse()
    {
        Should.Throw<FormatException>(() => Expression.Parse("${a b}")).Message.ShouldStartWith("Expression '${a b}' does not parse: ");
    }

    [Fact]
    public void Literal_KeepsTheTextAsItIs_WhenItLooksLikeAScript()
    {
        var expression = Expression.Literal("${not evaluated}");

        expression.IsLiteral.ShouldBeTrue();
        expression.Source.ShouldBe("${not evaluated}");
    }

    private static Expression Parse(string text)
    {
        Expression.TryParse(text, out var expression, out var error).ShouldBeTrue(error);
        return expression;
    }
}
