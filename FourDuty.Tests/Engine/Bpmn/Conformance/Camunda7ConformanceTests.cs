using FourDuty.Engine.Bpmn;

namespace FourDuty.Tests.Engine.Bpmn.Conformance;

/// <summary>
/// 24 models from Camunda 7's own engine tests (Camunda7/EXPECTATIONS.md): everything in them is what FourDuty
/// runs, so each must parse into a deployable model without a single problem, not even a warning.
/// </summary>
public sealed class Camunda7ConformanceTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Engine", "Bpmn", "Conformance", "Camunda7");

    public static TheoryData<string> Files => new(
        Directory.GetFiles(Folder).Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".bpmn", StringComparison.Ordinal) || f.EndsWith(".bpmn20.xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_GivesADeployableModelWithoutAnyProblem_WhenGivenACamunda7TestModel(string file)
    {
        var result = new BpmnParser().Parse(File.ReadAllText(Path.Combine(Folder, file)), file);

        result.Problems.ShouldBeEmpty(BpmnText.Describe(result));
        result.IsValid.ShouldBeTrue();
        result.Model!.ExecutableProcesses.ShouldHaveSingleItem();
    }

    [Fact]
    public void Files_AreTheTwentyFourOfTheCorpus()
    {
        Files.Count.ShouldBe(24);
    }
}
