using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

internal static class DuplicateIdCheck
{
    public static void Check(XElement definitions, ProblemCollector problems)
    {
        var duplicates = definitions.DescendantsAndSelf()
            .Where(e => e.Name.Namespace == BpmnNames.Model)
            .Select(e => (Id: ParseContext.Attribute(e, "id"), Element: e))
            .Where(x => x.Id is not null)
            .GroupBy(x => x.Id!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            var lines = group.Select(x => ParseContext.LineOf(x.Element)).ToList();
            foreach (var (_, element) in group.Skip(1))
            {
                problems.Report(BpmnRules.DuplicateId, group.Key, ParseContext.LineOf(element),
                    $"The id '{group.Key}' is used {lines.Count} times (lines {string.Join(", ", lines)}). Ids must be unique in a file: rename all but one.");
            }
        }
    }
}
