namespace FourDuty.Tests.Engine.Runtime;

/// <summary>Wraps process contents in a BPMN <c>definitions</c> element with the Camunda namespace, for inline test models.</summary>
internal static class ProcessXml
{
    public static string Of(string id, string contents, string rootElements = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="http://fourduty.test">
          {rootElements}
          <process id="{id}" isExecutable="true">
            {contents}
          </process>
        </definitions>
        """;
}
