using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Forms;

namespace FourDuty.Engine.Deployment;

/// <summary>The form-js files of a deployment (<c>*.form</c>), deployed beside the processes whose tasks name them.</summary>
internal static class FormFiles
{
    public static bool Is(DeploymentResource resource) => resource.Name.EndsWith(".form", StringComparison.OrdinalIgnoreCase);

    /// <summary>A form problem in the shape every deployment problem has: code, where, what, which file.</summary>
    public static BpmnProblem AsProblem(FormProblem problem, string file) =>
        new(problem.Severity, problem.Code, "form", problem.ComponentId, 0, $"{problem.Path}: {problem.Message}", file);

    /// <summary>The elements of a process that name a form: its user tasks and its start events (a start form).</summary>
    public static IEnumerable<(FlowNode Node, string FormKey)> NamedIn(BpmnProcess process) =>
        process.AllFlowNodes.Select(node => (node, node switch { UserTask task => task.FormKey, StartEvent start => start.FormKey, _ => null }))
            .Where(named => named.Item2 is not null)
            .Select(named => (named.node, named.Item2!));

    /// <summary>
    /// The form file a task's <c>camunda:formKey</c> names: <c>camunda-forms:deployment:review.form</c> (the version
    /// deployed with the process, as Camunda 7 writes it) or plainly <c>review.form</c> (the latest version).
    /// </summary>
    public static (string Key, bool SameDeployment)? Parse(string? formKey)
    {
        const string deployment = "camunda-forms:deployment:";
        if (formKey is null)
        {
            return null;
        }

        if (formKey.StartsWith(deployment, StringComparison.Ordinal))
        {
            return (formKey[deployment.Length..], true);
        }

        return formKey.EndsWith(".form", StringComparison.OrdinalIgnoreCase) ? (formKey, false) : null;
    }
}
