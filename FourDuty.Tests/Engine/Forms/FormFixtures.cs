using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

/// <summary>Reads the form fixtures (<c>Fixtures/{name}.form</c>, each named after the test that uses it).</summary>
internal static class FormFixtures
{
    /// <summary>
    /// The fixture's text: from the test output folder when the project copies fixtures there, else from beside
    /// this source file (the test project copies <c>Engine/Bpmn</c> fixtures only).
    /// </summary>
    public static string Read(string name, [CallerFilePath] string thisFile = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Engine", "Forms", "Fixtures", name + ".form");
        var path = File.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures", name + ".form");
        return File.ReadAllText(path);
    }

    /// <summary>Parses a fixture that must be free of errors.</summary>
    public static FormSchema Schema(string name)
    {
        var result = FormSchema.Parse(Read(name));
        result.Errors.ShouldBeEmpty();
        return result.Schema!;
    }

    /// <summary>Parses a form written inline from its components.</summary>
    public static FormSchema Inline(string componentsJson)
    {
        var result = FormSchema.Parse($$"""{ "type": "default", "id": "inline", "schemaVersion": 16, "components": {{componentsJson}} }""");
        result.Errors.ShouldBeEmpty();
        return result.Schema!;
    }

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
