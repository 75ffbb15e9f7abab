using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>The XML namespaces a model uses.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    /// <summary>Camunda 7 still reads the Activiti namespace it descends from, and so do we.</summary>
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XName Bpmn(string localName) => Model + localName;

    public static XName Cam(string localName) => Camunda + localName;

    /// <summary>Renames Activiti extension elements and attributes to the Camunda namespace, in place.</summary>
    public static void NormalizeExtensions(XDocument document)
    {
        foreach (var element in document.Descendants())
        {
            if (element.Name.Namespace == Activiti)
            {
                element.Name = Camunda + element.Name.LocalName;
            }

            var activiti = element.Attributes().Where(a => a.Name.Namespace == Activiti).ToList();
            foreach (var attribute in activiti)
            {
                attribute.Remove();
                element.SetAttributeValue(Camunda + attribute.Name.LocalName, attribute.Value);
            }
        }
    }
}
