using System.Xml.Linq;

namespace FourDuty.Engine.Bpmn.Parsing;

/// <summary>Reads tasks, subprocesses and call activities, with what every activity may carry.</summary>
internal sealed class ActivityReader(ParseContext context, ScopeReader scopes)
{
    public Activity Read(XElement element, IFlowScope scope)
    {
        Activity activity = element.Name.LocalName switch
        {
            "userTask" => TaskReader.ReadUserTask(element, context),
            "serviceTask" => TaskReader.ReadServiceTask(element, context),
            "sendTask" => TaskReader.ReadSendTask(element, context),
            "receiveTask" => TaskReader.ReadReceiveTask(element, context),
            "scriptTask" => TaskReader.ReadScriptTask(element, context),
            "manualTask" => FlowNodeBasics.Read(new ManualTask(), element, context),
            "task" => FlowNodeBasics.Read(new AbstractTask(), element, context),
            "callActivity" => CallActivityReader.Read(element, context),
            _ => ReadSubProcess(element, scope),
        };
        activity.MultiInstance = MultiInstanceReader.Read(element, activity.Id, context);
        if (element.Element(BpmnNames.Bpmn("standardLoopCharacteristics")) is { } loop)
        {
            context.Unsupported(loop, activity.Id, "standard loops are not supported; use sequential multi-instance with a completion condition.");
        }

        if (context.Flag(element, "isForCompensation", false, activity.Id))
        {
            context.Unsupported(element, activity.Id, "compensation handlers are not supported; model the undo work as an explicit path.");
        }

        // Other than 1, these change when an activity starts and how many tokens leave it; the engine does not do that.
        foreach (var quantity in new[] { "startQuantity", "completionQuantity" })
        {
            if (ParseContext.Attribute(element, quantity) is { } value && value != "1")
            {
                context.Problems.Report(BpmnRules.UnsupportedAttribute, activity.Id, activity.Line,
                    $"{quantity}=\"{value}\" on '{activity.Id}' is not supported: an activity starts on each token that arrives and sends one token on each outgoing flow. Remove the attribute or set it to 1.");
            }
        }

        if (activity is not SubProcess)
        {
            scopes.ReportIgnoredChildren(element, activity.Id);
        }

        return activity;
    }

    private SubProcess ReadSubProcess(XElement element, IFlowScope scope)
    {
        var subProcess = FlowNodeBasics.Read(
            new SubProcess { IsEventSubProcess = context.Flag(element, "triggeredByEvent", false, ParseContext.Attribute(element, "id") ?? "") },
            element, context);

        // What is read inside may walk up to the process (a lane set belongs to the process), so the way up must exist first.
        subProcess.Scope = scope;
        scopes.Read(element, subProcess, subProcess);
        return subProcess;
    }
}

internal static class TaskReader
{
    public static UserTask ReadUserTask(XElement element, ParseContext context)
    {
        var id = ParseContext.Attribute(element, "id") ?? "";
        var line = ParseContext.LineOf(element);
        Expressions.Expression? Read(string attribute) =>
            context.Expression(ParseContext.CamundaAttribute(element, attribute), id, line, $"camunda:{attribute}");
        var task = new UserTask
        {
            Assignee = Read("assignee"),
            CandidateUsers = Read("candidateUsers"),
            CandidateGroups = Read("candidateGroups"),
            DueDate = Read("dueDate"),
            FollowUpDate = Read("followUpDate"),
            Priority = Read("priority"),
            FormKey = ParseContext.CamundaAttribute(element, "formKey"),
        };
        return FlowNodeBasics.Read(task, element, context);
    }

    public static ServiceTask ReadServiceTask(XElement element, ParseContext context) =>
        ReadImplementation(new ServiceTask
        {
            Type = TypeOf(element),
            IsExternal = ParseContext.CamundaAttribute(element, "type") == "external",
            ResultVariable = ParseContext.CamundaAttribute(element, "resultVariable"),
        }, element, context);

    public static SendTask ReadSendTask(XElement element, ParseContext context)
    {
        var messageId = ParseContext.Reference(element, "messageRef");
        BpmnMessage? message = null;
        if (messageId is not null && !context.Messages.TryGetValue(messageId, out message))
        {
            context.Problems.Report(BpmnRules.DanglingReference, ParseContext.Attribute(element, "id"), ParseContext.LineOf(element),
                $"messageRef=\"{messageId}\" on '{ParseContext.Attribute(element, "id")}' names no <message> of this file{EventDefinitionReader.Suggest(messageId, context.Messages.Keys)}. Declare it under <definitions> or fix the reference.");
        }

        return ReadImplementation(new SendTask
        {
            Message = message,
            Type = TypeOf(element),
            IsExternal = ParseContext.CamundaAttribute(element, "type") == "external",
            ResultVariable = ParseContext.CamundaAttribute(element, "resultVariable"),
        }, element, context);
    }

    private static T ReadImplementation<T>(T task, XElement element, ParseContext context)
        where T : ServiceTask
    {
        FlowNodeBasics.Read(task, element, context);
        var javaCode = false;
        foreach (var javaAttribute in new[] { "class", "delegateExpression", "expression" })
        {
            if (ParseContext.CamundaAttribute(element, javaAttribute) is { } value)
            {
                javaCode = true;
                context.Problems.Report(BpmnRules.UnsupportedAttribute, task,
                    $"camunda:{javaAttribute}=\"{value}\" on '{task.Id}' names Java code, which FourDuty cannot run. Set camunda:type to the key of a registered handler instead.");
            }
        }

        var kind = task is SendTask ? "Send task" : "Service task";
        if (task.Type is null && !javaCode && task is not SendTask { Message: not null })
        {
            context.Problems.Report(BpmnRules.ImplementationMissing, task,
                ParseContext.CamundaAttribute(element, "type") == "external"
                    ? $"{kind} '{task.Id}' is external but has no camunda:topic. Name the topic its handler serves."
                    : UsesZeebe(element)
                        ? $"{kind} '{task.Id}' uses Camunda 8's zeebe:taskDefinition. FourDuty reads Camunda 7 attributes: set camunda:type to the key of a registered handler."
                        : $"{kind} '{task.Id}' says nothing about what runs. Set camunda:type to the key of a registered handler (for example mail).");
        }

        return task;
    }

    public static ReceiveTask ReadReceiveTask(XElement element, ParseContext context)
    {
        var messageId = ParseContext.Reference(element, "messageRef");
        BpmnMessage? message = null;
        if (messageId is not null && !context.Messages.TryGetValue(messageId, out message))
        {
            context.Problems.Report(BpmnRules.DanglingReference, ParseContext.Attribute(element, "id"), ParseContext.LineOf(element),
                $"messageRef=\"{messageId}\" on '{ParseContext.Attribute(element, "id")}' names no <message> of this file{EventDefinitionReader.Suggest(messageId, context.Messages.Keys)}. Declare it under <definitions> or fix the reference.");
        }

        return FlowNodeBasics.Read(new ReceiveTask { Message = message }, element, context);
    }

    public static ScriptTask ReadScriptTask(XElement element, ParseContext context)
    {
        var id = ParseContext.Attribute(element, "id") ?? "";
        var format = ParseContext.Attribute(element, "scriptFormat") ?? "javascript";
        var script = element.Element(BpmnNames.Bpmn("script"))?.Value ?? "";
        if (!ExpressionLanguages.IsJavaScript(format))
        {
            // Reported once: checking a Groovy script as JavaScript would only add a second, misleading problem.
            context.Problems.Report(BpmnRules.UnsupportedAttribute, id, ParseContext.LineOf(element),
                $"Script task '{id}' is written in '{format}'. Scripts run in JavaScript only: set scriptFormat=\"javascript\" and port the script.");
        }
        else if (string.IsNullOrWhiteSpace(script))
        {
            context.Problems.Report(BpmnRules.ImplementationMissing, id, ParseContext.LineOf(element),
                ParseContext.CamundaAttribute(element, "resource") is { } resource
                    ? $"Script task '{id}' loads its script from '{resource}'; external scripts are not supported. Put the script inside the task."
                    : $"Script task '{id}' has no script. Write the JavaScript inside its <script> element.");
        }
        else
        {
            ScriptSyntax.Check(script, id, ParseContext.LineOf(element), context);
        }

        return FlowNodeBasics.Read(
            new ScriptTask { Script = script, ResultVariable = ParseContext.CamundaAttribute(element, "resultVariable") },
            element, context);
    }

    private static bool UsesZeebe(XElement element) =>
        element.Elements(BpmnNames.Bpmn("extensionElements")).Elements().Any(e => e.Name.LocalName == "taskDefinition");

    internal static string? TypeOf(XElement element)
    {
        var type = ParseContext.CamundaAttribute(element, "type");
        return type == "external" ? ParseContext.CamundaAttribute(element, "topic") : type;
    }
}
