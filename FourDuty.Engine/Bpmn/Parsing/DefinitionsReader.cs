using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Reads a loaded <c>definitions</c> document into a model, in the order references need.</summary>
internal static class DefinitionsReader
{
    public static BpmnModel? Read(XDocument document, ProblemCollector problems)
    {
        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn("definitions"))
        {
            problems.Report(BpmnRules.NotBpmn, null, ParseContext.LineOf(root),
                $"The root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'. A BPMN 2.0 file starts with <definitions xmlns=\"{BpmnNames.Model.NamespaceName}\">.");
            return null;
        }

        BpmnNames.NormalizeExtensions(document);
        var context = new ParseContext(problems) { ExpressionLanguage = ParseContext.Attribute(root, "expressionLanguage") };
        DuplicateIdCheck.Check(root, problems);
        RootElementReader.Read(root, context);

        var scopes = new ScopeReader(context);
        var processes = new List<BpmnProcess>();
        foreach (var element in root.Elements(BpmnNames.Bpmn("process")))
        {
            var process = new BpmnProcess
            {
                Id = context.IdOf(element),
                Name = ParseContext.Attribute(element, "name"),
                Line = ParseContext.LineOf(element),
                Documentation = ParseContext.Documentation(element),
                IsExecutable = context.Flag(element, "isExecutable", false, ParseContext.Attribute(element, "id") ?? ""),
                VersionTag = ParseContext.CamundaAttribute(element, "versionTag"),
                Properties = CamundaExtensionReader.Properties(element),
                CandidateStarterGroups = Starters(element, "candidateStarterGroups", problems),
                CandidateStarterUsers = Starters(element, "candidateStarterUsers", problems),
            };
            if (!process.IsExecutable)
            {
                problems.Report(BpmnRules.NotExecutable, process,
                    $"Process '{process.Id}' is not executable, so it will not be deployed; the problems found in it are shown as warnings. Set isExecutable=\"true\" to run it.");
            }

            problems.Lenient = !process.IsExecutable;
            scopes.Read(element, process, process);
            problems.Lenient = false;
            processes.Add(process);
        }

        if (processes.Count == 0)
        {
            problems.Report(BpmnRules.NoProcess, null, ParseContext.LineOf(root),
                "The file defines no <process>. Draw the process (a pool in a collaboration is only its outline) and save again.");
        }

        ReferenceLinker.Link(context, processes);
        return new BpmnModel
        {
            Processes = processes,
            Messages = context.Messages,
            Signals = context.Signals,
            Errors = context.Errors,
            Escalations = context.Escalations,
        };
    }

    // Camunda 7 lets these hold expressions resolved at deployment; here they are plain names, so an expression would be a
    // list that silently names nobody: refused with the fix.
    private static IReadOnlyList<string> Starters(XElement process, string attribute, ProblemCollector problems)
    {
        // Comma-separated, as task candidates are (the parser sits below the runtime, so it splits them itself).
        var names = (ParseContext.CamundaAttribute(process, attribute) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (names.FirstOrDefault(name => name.Contains("${", StringComparison.Ordinal) || name.Contains("#{", StringComparison.Ordinal)) is { } expression)
        {
            problems.Report(BpmnRules.InvalidValue, ParseContext.Attribute(process, "id"), ParseContext.LineOf(process),
                $"camunda:{attribute}=\"{expression}\" on process '{ParseContext.Attribute(process, "id")}' is an expression; starters are read when the process is deployed, so name the groups or users themselves, comma-separated (e.g. \"office,discipline\").");
            return [];
        }

        return names;
    }
}
