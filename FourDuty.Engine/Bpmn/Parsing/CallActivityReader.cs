using System.Globalization;
using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class CallActivityReader
{
    public static CallActivity Read(XElement element, ParseContext context)
    {
        var id = ParseContext.Attribute(element, "id") ?? "";
        var line = ParseContext.LineOf(element);
        var calledElement = context.Expression(ParseContext.Attribute(element, "calledElement"), id, line, "calledElement");
        if (ParseContext.Attribute(element, "calledElement") is null)
        {
            context.Problems.Report(BpmnRules.ImplementationMissing, id, line,
                ParseContext.CamundaAttribute(element, "caseRef") is not null
                    ? $"Call activity '{id}' calls a CMMN case, which is not supported. Call a process with calledElement."
                    : $"Call activity '{id}' has no calledElement. Set it to the id of the process to call.");
        }

        var binding = ReadBinding(element, id, line, context);
        var extensions = CamundaExtensionReader.Extensions(element).ToList();
        var inputs = extensions.Where(e => e.Name.LocalName == "in").ToList();
        var businessKey = inputs.Select(i => ParseContext.Attribute(i, "businessKey")).FirstOrDefault(k => k is not null);

        var activity = new CallActivity
        {
            CalledElement = calledElement,
            Binding = binding,
            Version = ReadVersion(element, binding, id, line, context),
            VersionTag = ParseContext.CamundaAttribute(element, "calledElementVersionTag"),
            BusinessKey = context.Expression(businessKey, id, line, "camunda:in businessKey"),
            Inputs = inputs.Where(i => ParseContext.Attribute(i, "businessKey") is null)
                .Select(i => ReadMapping(i, "camunda:in", id, context)).OfType<VariableMapping>().ToList(),
            Outputs = extensions.Where(e => e.Name.LocalName == "out")
                .Select(o => ReadMapping(o, "camunda:out", id, context)).OfType<VariableMapping>().ToList(),
        };
        return FlowNodeBasics.Read(activity, element, context);
    }

    private static CalledVersionBinding ReadBinding(XElement element, string id, int line, ParseContext context)
    {
        var text = ParseContext.CamundaAttribute(element, "calledElementBinding");
        switch (text)
        {
            case null or "latest":
                return CalledVersionBinding.Latest;
            case "deployment":
                return CalledVersionBinding.Deployment;
            case "version":
                return CalledVersionBinding.Version;
            case "versionTag":
                return CalledVersionBinding.VersionTag;
            default:
                context.Problems.Report(BpmnRules.InvalidValue, id, line,
                    $"camunda:calledElementBinding=\"{text}\" on '{id}' is not one of latest, deployment, version, versionTag.");
                return CalledVersionBinding.Latest;
        }
    }

    private static int? ReadVersion(XElement element, CalledVersionBinding binding, string id, int line, ParseContext context)
    {
        var text = ParseContext.CamundaAttribute(element, "calledElementVersion");
        if (binding != CalledVersionBinding.Version)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        context.Problems.Report(BpmnRules.InvalidValue, id, line,
            $"Call activity '{id}' binds to a fixed version, but camunda:calledElementVersion is '{text}'. Give a version number such as 2.");
        return null;
    }

    private static VariableMapping? ReadMapping(XElement mapping, string kind, string id, ParseContext context)
    {
        var line = ParseContext.LineOf(mapping);
        var all = ParseContext.Attribute(mapping, "variables") == "all";
        var source = ParseContext.Attribute(mapping, "source");
        var sourceExpression = context.Expression(ParseContext.Attribute(mapping, "sourceExpression"), id, line, $"{kind} sourceExpression");
        var target = ParseContext.Attribute(mapping, "target");
        var local = context.Flag(mapping, "local", false, id);
        if (all)
        {
            return new VariableMapping(null, null, null, AllVariables: true, local);
        }

        if ((source is null && sourceExpression is null) || target is null)
        {
            context.Problems.Report(BpmnRules.InvalidValue, id, line,
                $"A {kind} of call activity '{id}' needs source (or sourceExpression) and target, or variables=\"all\".");
            return null;
        }

        return new VariableMapping(source, sourceExpression, target, AllVariables: false, local);
    }
}
