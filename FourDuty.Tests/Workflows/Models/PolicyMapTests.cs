using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FourDuty.Tests.Workflows.Models;

/// <summary>
/// Every actionable article of the policy (<c>../shared/policy/articles.md</c>) is served by a model element or a feature,
/// as <c>docs/policy-map.md</c> says; the named elements exist and cite the article, the named files exist.
/// </summary>
public sealed partial class PolicyMapTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    [Fact]
    public void PolicyMap_ServesEachActionableArticle_WithElementsThatCiteItOrFilesThatExist()
    {
        var actionable = File.ReadAllLines(RepositoryFiles.PolicyArticles).Select(l => ArticleRow().Match(l)).Where(m => m.Success)
            .Where(m => m.Groups["actionable"].Value.StartsWith("yes", StringComparison.Ordinal) || m.Groups["actionable"].Value.StartsWith("partly", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups["article"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        actionable.Count.ShouldBe(25, "articles.md names 25 actionable articles");
        var map = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docs", "policy-map.md")).Select(l => MapRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups["article"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["served"].Value);
        var models = RepositoryFiles.Models.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => XDocument.Load(f));
        var problems = new List<string>();

        foreach (var article in actionable)
        {
            var entries = map.GetValueOrDefault(article)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (entries.Length == 0)
            {
                problems.Add($"article {article} is served by nothing in docs/policy-map.md");
            }

            foreach (var entry in entries)
            {
                problems.AddRange(Check(article, entry, models));
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void ChineseNumeral_WritesArticleNumbersAsTheMeasuresDo()
    {
        new[] { 2, 10, 11, 20, 26 }.Select(ChineseNumeral).ShouldBe(["二", "十", "十一", "二十", "二十六"]);
    }

    private static IEnumerable<string> Check(int article, string entry, Dictionary<string, XDocument> models)
    {
        if (entry.StartsWith("feature:", StringComparison.Ordinal))
        {
            if (!File.Exists(Path.Combine(RepositoryFiles.Root, entry["feature:".Length..])))
            {
                yield return $"article {article}: {entry} does not exist";
            }

            yield break;
        }

        var parts = entry.Split('#');
        if (parts.Length != 2 || !models.TryGetValue(parts[0], out var model))
        {
            yield return $"article {article}: '{entry}' names no model (model#element or feature:path)";
            yield break;
        }

        var element = model.Descendants().FirstOrDefault(e => e.Name.Namespace == Bpmn && (string?)e.Attribute("id") == parts[1]);
        if (element is null)
        {
            yield return $"article {article}: {entry} is no element of {parts[0]}.bpmn";
        }
        else if (!((string?)element.Element(Bpmn + "documentation") ?? "").Contains($"第{ChineseNumeral(article)}条", StringComparison.Ordinal))
        {
            yield return $"article {article}: the documentation of {entry} does not cite 第{ChineseNumeral(article)}条";
        }
    }

    private static string ChineseNumeral(int n)
    {
        const string Digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => Digits[n].ToString(),
            10 => "十",
            < 20 => "十" + Digits[n - 10],
            _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        };
    }

    [GeneratedRegex(@"^\|\s*(?<article>\d+)\s*\|[^|]*\|\s*(?<actionable>[a-z]+)\s*\|")]
    private static partial Regex ArticleRow();

    [GeneratedRegex(@"^\|\s*(?<article>\d+)\s*\|[^|]*\|\s*(?<served>[^|]*)\|")]
    private static partial Regex MapRow();
}
