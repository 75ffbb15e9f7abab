using System.Text.RegularExpressions;
using FourDuty.Engine.Bpmn;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// The article of the measures a task serves, as its mails show it: the element's <c>article</c> property when
/// the designer set one, otherwise the first article its documentation cites (《实施办法》第十条, 第十二条).
/// </summary>
public static partial class PolicyArticle
{
    /// <summary>The article for <paramref name="element"/>, or null when neither names one.</summary>
    public static string? Of(FlowNode element) => Of(element.Properties.GetValueOrDefault("article"), element.Documentation);

    /// <summary><paramref name="article"/> when given, else the first article <paramref name="documentation"/> cites, else null.</summary>
    public static string? Of(string? article, string? documentation) =>
        article ?? (documentation is { } text && Citation().Match(text) is { Success: true } match ? match.Value : null);

    [GeneratedRegex("(《[^》]{1,40}》)?第[一二三四五六七八九十百零〇0-9]{1,6}条")]
    private static partial Regex Citation();
}
