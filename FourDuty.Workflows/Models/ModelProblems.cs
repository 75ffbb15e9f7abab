using FourDuty.Engine.Bpmn;

namespace FourDuty.Workflows.Models;

/// <summary>
/// The catalogue of what <see cref="ModelRules"/> refuses: a stable code per rule (<c>DUTY-MODEL-nnn</c>), the element,
/// the rule, the bad value and how to fix it, in Chinese first and English second (the office reads them in the designer).
/// </summary>
internal static class ModelProblems
{
    public static BpmnProblem NoOwner(UserTask task) => Error("DUTY-MODEL-001", "task-owner", task,
        $"用户任务“{task.Name ?? task.Id}”没有责任人：请设置 camunda:assignee（人员编号、role:职务、subject:owner 或 ${{变量}}）或候选人/候选组。"
        + $" The user task '{task.Id}' has no owner: set camunda:assignee (a person id, role:X, subject:owner or ${{variable}}) or candidate users or groups. Every task names who answers for it (Art. 4).");

    public static BpmnProblem UnknownPerson(FlowNode node, string attribute, string name) => Error("DUTY-MODEL-002", "person-unknown", node,
        $"“{node.Name ?? node.Id}”的 {attribute} 中的“{name}”在组织机构中找不到（人员编号、role:职务、group:组或 area:分管领域）。"
        + $" '{name}' in {attribute} of '{node.Id}' names nobody in the organisation (a person id, role:X, group:X or area:X of seeds/organization.json). Check the spelling.");

    public static BpmnProblem UnknownType(ServiceTask task, string type, IEnumerable<string> known) => Error("DUTY-MODEL-003", "duty-type-unknown", task,
        $"服务任务“{task.Name ?? task.Id}”的类型 {type} 不存在。 The service task '{task.Id}' has camunda:type '{type}', which no handler serves. Known: {string.Join(", ", known)}.");

    public static BpmnProblem MailAboutNothing(FlowNode task) => Error("DUTY-MODEL-004", "mail-about", task,
        $"邮件任务“{task.Name ?? task.Id}”没有说明关于什么：请设置属性 aboutTask、aboutLapse 或 aboutTalk。"
        + $" The mail task '{task.Id}' says what it is about in none of the properties aboutTask (a user task's id), aboutLapse or aboutTalk. Set one.");

    public static BpmnProblem MailAboutUnknownTask(FlowNode task, string about) => Error("DUTY-MODEL-005", "mail-about", task,
        $"邮件任务“{task.Name ?? task.Id}”的 aboutTask=“{about}”不是本流程中的用户任务。"
        + $" aboutTask '{about}' of the mail task '{task.Id}' is no user task of this process. Give the id of the user task the reminder is about.");

    public static BpmnProblem NoArticle(UserTask task) => new(ProblemSeverity.Warning, "DUTY-MODEL-006", "article-missing", task.Id, task.Line,
        $"用户任务“{task.Name ?? task.Id}”的说明未注明依据的条款（如“第十条”）。"
        + $" The documentation of the user task '{task.Id}' cites no article of the measures (e.g. 第十条); its mails will say under which article nothing is due.");

    private static BpmnProblem Error(string code, string rule, FlowNode node, string message) =>
        new(ProblemSeverity.Error, code, rule, node.Id, node.Line, message);
}
