using Acornima;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class ScriptSyntax
{
    public static void Check(string script, string elementId, int line, ParseContext context)
    {
        try
        {
            new Parser().ParseScript(script);
        }
        catch (ParseErrorException exception)
        {
            context.Problems.Report(BpmnRules.ExpressionInvalid, elementId, line + exception.Error.LineNumber - 1,
                $"The script of '{elementId}' does not parse: {exception.Error.Description} (script line {exception.Error.LineNumber}, column {exception.Error.Column + 1}). Scripts are JavaScript.");
        }
    }
}
