using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Talks;

namespace FourDuty.Workflows.Oversight;

/// <summary>The official Chinese words (DESIGN §3) for the values ledgers and documents show.</summary>
internal static class Labels
{
    public static string Of(FeedbackSource source) => source switch
    {
        FeedbackSource.InspectionTour => "巡视",
        FeedbackSource.Patrol => "巡察",
        FeedbackSource.SupervisionCheck => "督查",
        FeedbackSource.Audit => "审计",
        _ => "专项检查",
    };

    public static string Of(FindingState state) => state switch
    {
        FindingState.Recorded => "待分解",
        FindingState.Assigned => "整改中",
        FindingState.Submitted => "待核查",
        FindingState.Rejected => "已退回",
        FindingState.Verified => "核查通过，待销号",
        _ => "已销号",
    };

    public static string Of(ListKind kind) => kind switch
    {
        ListKind.Duty => "责任清单",
        ListKind.Risk => "风险（问题）清单",
        _ => "措施清单",
    };

    public static string Of(ItemState state) => state switch
    {
        ItemState.Planned => "未开始",
        ItemState.InProgress => "推进中",
        _ => "已完成",
    };

    public static string Of(AlertLevel level) => level switch
    {
        AlertLevel.Red => "红",
        AlertLevel.Yellow => "黄",
        _ => "绿",
    };

    public static string Of(TalkKind kind) => kind switch
    {
        TalkKind.Reminder => "提醒谈话",
        TalkKind.Admonition => "诫勉谈话",
        _ => "廉政谈话",
    };

    /// <summary>The classification under the three distinctions (三个区分开来), as the discipline secretary words it.</summary>
    public static string Of(LapseClass value) => value switch
    {
        LapseClass.ReformInexperience => "因缺乏经验、先行先试出现的失误",
        LapseClass.ExploratoryTrial => "上级尚无明确限制的探索性试验中的失误",
        LapseClass.UnintendedSlip => "为推动发展的无意过失",
        LapseClass.KnowingViolation => "明知故犯的违纪违法行为",
        LapseClass.DefiedProhibition => "上级明令禁止后依然我行我素的违纪违法行为",
        LapseClass.PrivateGain => "为谋取私利的违纪违法行为",
        _ => "未认定",
    };

    public static string Of(Verdict verdict) => verdict == Verdict.Accepted ? "通过" : "退回";

    public static string Of(SignOffRole role) => role == SignOffRole.FirstResponsible ? "第一责任人" : "纪委书记";
}
