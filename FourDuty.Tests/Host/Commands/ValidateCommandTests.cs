using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Commands;

/// <summary>
/// <c>FourDuty.Host validate FILE...</c> run as a user runs it: the real Host process, in a fresh folder that
/// holds copies of the fixtures (so file names print as given), and nothing else.
/// </summary>
public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidModel = "Validate_PrintsValidAndExitsZero_WhenModelIsValid.bpmn";
    private const string InvalidModel = "Validate_PrintsEachProblemAndExitsOne_WhenModelHasErrors.bpmn";
    private const string ModelWithWarning = "Validate_SummarisesEachFile_WhenGivenSeveralFiles.bpmn";
    internal const string DomainModel = "Validate_ReportsTheServicesRules_WhenAModelBreaksWhatTheCollegeNeeds.bpmn";

    private readonly string _folder = Directory.CreateTempSubdirectory("fourduty-validate-").FullName;

    public ValidateCommandTests()
    {
        foreach (var fixture in new[] { ValidModel, InvalidModel, ModelWithWarning, DomainModel })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Host", "Commands", fixture), Path.Combine(_folder, fixture));
        }
    }

    [Fact]
    public async Task Validate_PrintsValidAndExitsZero_WhenModelIsValid()
    {
        var result = await Validate(ValidModel);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Lines.ShouldBe([$"{ValidModel}: valid"]);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PrintsEachProblemAndExitsOne_WhenModelHasErrors()
    {
        var result = await Validate(InvalidModel);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.Count.ShouldBe(4, result.ToString());
        result.Lines[0].ShouldBe($"{InvalidModel}:10 Notify implementation-missing error: Service task 'Notify' says nothing about what runs. Set camunda:type to the key of a registered handler (for example mail).");
        result.Lines[1].ShouldStartWith($"{InvalidModel}:16 Flow_NoCondition condition-missing error: Sequence flow 'Flow_NoCondition' leaves exclusive gateway 'Decision'");
        result.Lines[2].ShouldStartWith($"{InvalidModel}:18 Orphan unreachable warning: 'Orphan' cannot be reached");
        result.Lines[3].ShouldBe($"{InvalidModel}: 2 errors, 1 warning");
    }

    [Fact]
    public async Task Validate_SummarisesEachFile_WhenGivenSeveralFiles()
    {
        var result = await Validate(ValidModel, ModelWithWarning, InvalidModel);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.ShouldContain($"{ValidModel}: valid");
        result.Lines.ShouldContain($"{ModelWithWarning}:9 Leftover unreachable warning: 'Leftover' cannot be reached from any start event, so it never runs. Connect a sequence flow into it, or delete it.");
        result.Lines.ShouldContain($"{ModelWithWarning}: valid, 1 warning");
        result.Lines.ShouldContain($"{InvalidModel}: 2 errors, 1 warning");
        result.Lines[^1].ShouldBe("1 of 3 files cannot be deployed.");
    }

    [Fact]
    public async Task Validate_ReportsTheServicesRules_WhenAModelBreaksWhatTheCollegeNeeds()
    {
        // The engine could run it; the college's rules refuse it at deployment, so validate says so with the same lines.
        var result = await Validate(DomainModel);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.Count.ShouldBe(3, result.ToString());
        result.Lines[0].ShouldStartWith($"{DomainModel}:8 review person-unknown error: “审核”的 camunda:assignee 中的“nobody.here”在组织机构中找不到");
        result.Lines[1].ShouldStartWith($"{DomainModel}:10 orphan task-owner error: 用户任务“无人”没有责任人");
        result.Lines[1].ShouldContain("The user task 'orphan' has no owner");
        result.Lines[2].ShouldBe($"{DomainModel}: 2 errors");
        Directory.Exists(Path.Combine(_folder, "data")).ShouldBeFalse("the service's rules are read without its database");
    }

    [Fact]
    public async Task Validate_FindsTheShippedModelsValid_WithTheServicesRules()
    {
        var models = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn").Order().ToArray();

        var result = await Validate(models);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Lines[^1].ShouldBe($"All {models.Length} files are valid.");
    }

    [Fact]
    public async Task Validate_ExitsZero_WhenEveryFileIsValidWithWarnings()
    {
        var result = await Validate(ValidModel, ModelWithWarning);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Lines[^1].ShouldBe("All 2 files are valid.");
    }

    [Fact]
    public async Task Validate_ReportsFileAndExitsOne_WhenFileIsMissing()
    {
        var result = await Validate("missing.bpmn", ValidModel);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines[0].ShouldBe("missing.bpmn: cannot be read: no such file");
        result.Lines.ShouldContain($"{ValidModel}: valid");
        result.Output.ShouldNotContain("Exception");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ReportsLineOfXmlError_WhenFileIsNotWellFormed()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.bpmn"), "<definitions>\n  <process>\n</definitions>\n");

        var result = await Validate("broken.bpmn");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines[0].ShouldStartWith("broken.bpmn:3 - xml-malformed error: The file is not well-formed XML");
        result.Lines[^1].ShouldBe("broken.bpmn: 1 error");
    }

    [Fact]
    public async Task Validate_PrintsUsageAndExitsTwo_WhenNoFileIsGiven()
    {
        var result = await Validate();

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldStartWith("Usage: FourDuty.Host validate FILE...");
    }

    [Fact]
    public async Task Validate_StartsNoService_WhenRun()
    {
        var result = await Validate(ValidModel);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("Now listening");
        Directory.Exists(Path.Combine(_folder, "data")).ShouldBeFalse("validate must not create the embedded database");
        Directory.GetFileSystemEntries(_folder).Length.ShouldBe(4, "validate must leave nothing behind");
    }

    [Fact]
    public async Task Validate_ReadsRelativePathFromShellFolder_WhenStartedElsewhereByDotnetRun()
    {
        // `dotnet run --project FourDuty.Host` starts the program in FourDuty.Host/; the shell's PWD is where the user is.
        var projectFolder = Directory.CreateTempSubdirectory("fourduty-project-").FullName;
        try
        {
            var result = await HostCommand.RunAsync(projectFolder, ["validate", ValidModel], new Dictionary<string, string> { ["PWD"] = _folder });

            result.ExitCode.ShouldBe(0, result.ToString());
            result.Lines.ShouldBe([$"{ValidModel}: valid"]);
        }
        finally
        {
            Directory.Delete(projectFolder, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<HostCommandResult> Validate(params string[] files) => HostCommand.RunAsync(_folder, ["validate", .. files]);
}
