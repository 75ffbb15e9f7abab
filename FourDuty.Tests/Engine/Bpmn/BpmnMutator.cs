using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FourDuty.Tests.Engine.Bpmn;

/// <summary>
/// Makes broken variants of real models, deterministically from a seeded <see cref="Random"/>: tree edits
/// (delete, duplicate, swap, rename, nest, move elements; drop or change attributes; garbage in timers,
/// conditions and expressions) and text edits (truncate, insert garbage).
/// </summary>
internal sealed class BpmnMutator(Random random)
{
    private static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    private static readonly string[] ElementNames =
    [
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "manualTask", "businessRuleTask",
        "subProcess", "callActivity", "transaction", "startEvent", "endEvent", "intermediateCatchEvent",
        "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
        "eventBasedGateway", "complexGateway", "sequenceFlow", "laneSet", "lane", "childLaneSet", "process",
        "definitions", "timerEventDefinition", "messageEventDefinition", "signalEventDefinition",
        "errorEventDefinition", "escalationEventDefinition", "linkEventDefinition", "terminateEventDefinition",
        "conditionalEventDefinition", "compensateEventDefinition", "multiInstanceLoopCharacteristics",
        "standardLoopCharacteristics", "conditionExpression", "timeCycle", "timeDate", "timeDuration", "script",
        "message", "signal", "error", "escalation", "extensionElements", "documentation", "flowNodeRef",
        "loopCardinality", "completionCondition", "eventDefinitionRef", "dataObject", "ioSpecification",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "${", "#{", "${}", "${a b}", "${'}'}", "${x", "}", "${a}${", "${`${`}", "${{{{{{{{{{}", "${(}",
        "R", "R/", "R//", "R-1/PT1H", "R3", "R3/PT0S", "R/PT1H/PT1H", "R99999999999999999999/PT1H", "R2147483647/PT1S",
        "R/0001-01-01T00:00:00Z/PT1S", "R5/9999-12-31T23:59:59Z/P1Y", "R/2027-01-05T09:00:00+08:00/P1Y",
        "P", "PT", "P-1D", "P1Y2M3W4DT5H6M7.8S", "PT0S", "P99999999999Y", "PT1H", "-PT1H",
        "2027-02-30T09:00:00", "2027-13-01", "9999-12-31T23:59:59.9999999+14:00", "0000-01-01", "2027-01-05T09:00:00+25:00",
        "0 0 9 * * ?", "* * * * *", "0 0 0 ? * 6L", "0 0 0 ? * 2#1", "60 60 25 32 13 8", "0 0 9 * * ? 2027", "a b c d e",
        "= approved", "not(approved)", "amount > 1000", "\u0001", new string('x', 5000), new string('{', 500),
        "${" + new string('(', 300) + "}", "${while(true){}}", "${new Function('return 1')()}",
    ];

    private static readonly string[] Garbage =
    [
        "<", ">", "&", "&amp", "&#0;", "&#xFFFE;", "]]>", "<!--", "-->", "\"", "'", "<x>", "</process>", "</definitions>",
        "<![CDATA[", "<?pi?>", "<!DOCTYPE x>", "${", "\u0001", "\t\n", "<bpmn:task/>", "xmlns:a=\"\"", "\ud800",
    ];

    /// <summary>One variant of <paramref name="seed"/> and a short description of what was done.</summary>
    public (string Xml, string Description) Mutate(XDocument seed)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var document = new XDocument(seed);
            var steps = new List<string>();
            var edits = random.Next(1, 4);
            for (var i = 0; i < edits; i++)
            {
                steps.Add(EditTree(document));
            }

            if (Serialize(document) is not { } xml)
            {
                continue; // An edit XML cannot even be written (a clash of namespace prefixes); try other edits.
            }

            if (random.Next(5) == 0)
            {
                (xml, var step) = EditText(xml);
                steps.Add(step);
            }

            return (xml, string.Join("; ", steps));
        }

        throw new InvalidOperationException("No edit of this model could be written as XML in 100 attempts.");
    }

    private string EditTree(XDocument document)
    {
        var elements = document.Root!.Descendants().ToList();
        if (elements.Count == 0)
        {
            return "nothing to edit";
        }

        var element = Pick(elements);
        switch (random.Next(12))
        {
            case 0:
                element.Remove();
                return $"delete <{element.Name.LocalName}>";
            case 1:
                element.AddAfterSelf(new XElement(element));
                return $"duplicate <{element.Name.LocalName}>";
            case 2:
                return Swap(element, Pick(elements));
            case 3 when element.Attributes().Any():
                var dropped = Pick(element.Attributes().ToList());
                dropped.Remove();
                return $"drop {dropped.Name.LocalName} of <{element.Name.LocalName}>";
            case 3 or 4:
                return ChangeAttribute(element, elements);
            case 5:
                var name = Pick(ElementNames);
                element.Name = Model + name;
                return $"rename <{element.Name.LocalName}> to <{name}>";
            case 6:
                return Nest(element);
            case 7:
                return SetText(elements);
            case 8:
                var target = Pick(elements);
                if (target == element || target.Ancestors().Contains(element))
                {
                    return "move skipped";
                }

                element.Remove();
                target.Add(element);
                return $"move <{element.Name.LocalName}> into <{target.Name.LocalName}>";
            case 9:
                var child = new XElement(Model + Pick(ElementNames), new XAttribute("id", $"added{random.Next(1000)}"));
                element.Add(child);
                return $"add <{child.Name.LocalName}> to <{element.Name.LocalName}>";
            case 10:
                var attribute = Pick(new[] { "assignee", "candidateGroups", "dueDate", "collection", "type", "asyncBefore", "calledElementBinding" });
                element.SetAttributeValue(Camunda + attribute, Pick(Texts));
                return $"set camunda:{attribute} on <{element.Name.LocalName}>";
            default:
                element.Name = XNamespace.Get("urn:elsewhere") + element.Name.LocalName;
                return $"move <{element.Name.LocalName}> out of the BPMN namespace";
        }
    }

    // Lets characters through that XML forbids (\u0001, lone surrogates): the parser has to refuse them, not the mutator.
    private static string? Serialize(XDocument document)
    {
        var text = new StringBuilder();
        try
        {
            using var writer = XmlWriter.Create(text, new XmlWriterSettings { CheckCharacters = false, Indent = true, OmitXmlDeclaration = true });
            document.Save(writer);
        }
        catch (XmlException)
        {
            return null;
        }

        return text.ToString();
    }

    private string Swap(XElement first, XElement second)
    {
        if (first == second || first.Ancestors().Contains(second) || second.Ancestors().Contains(first))
        {
            return "swap skipped";
        }

        var firstCopy = new XElement(first);
        first.ReplaceWith(new XElement(second));
        second.ReplaceWith(firstCopy);
        return $"swap <{first.Name.LocalName}> and <{second.Name.LocalName}>";
    }

    private string ChangeAttribute(XElement element, List<XElement> elements)
    {
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
        var name = attributes.Count > 0 && random.Next(3) > 0
            ? Pick(attributes).Name
            : Pick(new XName[] { "id", "sourceRef", "targetRef", "attachedToRef", "default", "messageRef", "signalRef", "errorRef", "calledElement", "isExecutable", "cancelActivity", "triggeredByEvent" });
        var ids = elements.Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        var value = random.Next(4) switch
        {
            0 when ids.Count > 0 => Pick(ids),
            1 when ids.Count > 0 => "tns:" + Pick(ids),
            2 => Pick(new[] { "true", "false", "maybe", "", " ", "1" }),
            _ => Pick(Texts),
        };
        element.SetAttributeValue(name, value);
        return $"set {name.LocalName}=\"{Shorten(value)}\" on <{element.Name.LocalName}>";
    }

    private string Nest(XElement element)
    {
        var depth = Pick(new[] { 2, 10, 40, 120 });
        var wrapperName = Pick(new[] { "subProcess", "extensionElements", "task", "wrapper" });
        var inner = new XElement(element);
        for (var level = 0; level < depth; level++)
        {
            inner = new XElement(Model + wrapperName, new XAttribute("id", $"nest{level}"), inner);
        }

        element.ReplaceWith(inner);
        return $"nest <{element.Name.LocalName}> {depth} deep in <{wrapperName}>";
    }

    private string SetText(List<XElement> elements)
    {
        var textual = elements.Where(e => e.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle" or "conditionExpression"
            or "script" or "loopCardinality" or "completionCondition" or "flowNodeRef" or "inputParameter" or "outputParameter").ToList();
        var element = textual.Count > 0 ? Pick(textual) : Pick(elements);
        var text = Pick(Texts);
        element.Value = text;
        return $"text of <{element.Name.LocalName}> = \"{Shorten(text)}\"";
    }

    private (string Xml, string Description) EditText(string xml)
    {
        var offset = random.Next(xml.Length + 1);
        if (random.Next(2) == 0)
        {
            return (xml[..offset], $"truncate at {offset}");
        }

        var garbage = Pick(Garbage);
        return (xml.Insert(offset, garbage), $"insert \"{Shorten(garbage)}\" at {offset}");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
