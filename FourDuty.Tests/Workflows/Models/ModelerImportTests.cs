using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FourDuty.Tests.Workflows.Models;

/// <summary>
/// The shipped models open cleanly in Camunda Modeler: read by bpmn-moddle with camunda-bpmn-moddle (what the Modeler and the
/// designer page import with, from the ClientApp's node_modules), each model gives no import warning (no unknown element or
/// attribute, no unresolved reference), every flow node and flow has its shape or edge, no two shapes of one container
/// overlap, and every flow node has a Chinese label. <c>modeler-import.mjs</c> beside this file does the reading.
/// </summary>
public sealed class ModelerImportTests
{
    [Fact]
    public async Task EveryShippedModel_ImportsWithCamundaModdle_WithoutWarnings_DrawnAndLabelled()
    {
        var clientApp = Path.Combine(RepositoryFiles.Root, "FourDuty.Host", "ClientApp");
        File.Exists(Path.Combine(clientApp, "node_modules", "camunda-bpmn-moddle", "resources", "camunda.json"))
            .ShouldBeTrue("the ClientApp's node_modules are installed by building FourDuty.Host (npm ci)");
        var script = Path.Combine(RepositoryFiles.Root, "FourDuty.Tests", "Workflows", "Models", "modeler-import.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, clientApp }.Concat(RepositoryFiles.Models))
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.ShouldBe(0, await stderr);

        var result = JsonNode.Parse(await stdout)!.AsObject();
        result.Select(r => r.Key).Order().ShouldBe(RepositoryFiles.Models.Select(Path.GetFileName).Order()!, "every model was read");
        result.SelectMany(r => r.Value!.AsArray().Select(p => $"{r.Key}: {p}")).ShouldBeEmpty();
    }
}
