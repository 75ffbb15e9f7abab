using System.Text;
using System.Text.Json.Nodes;
using FourDuty.Engine.Forms;

namespace FourDuty.Tests.Engine.Forms;

public sealed class FormFuzzTests
{
    private const string Rectification = "Validate_ReturnsCoercedVariables_WhenARectificationIsFilledIn";

    [Fact]
    public void Parse_NeverThrows_WhenTheFormIsCutOrCorrupted()
    {
        var text = FormFixtures.Read(Rectification);
        var random = new Random(20261129);
        for (var i = 0; i < 400; i++)
        {
            var mutated = new StringBuilder(text);
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = "{}[]\",:0aé\\ -"[random.Next(13)];
            }

            var cut = i % 4 == 0 ? mutated.ToString()[..random.Next(mutated.Length)] : mutated.ToString();

            Should.NotThrow(() => FormSchema.Parse(cut), cut);
        }
    }

    [Fact]
    public void Validate_NeverThrows_WhenValuesHaveAnyShape()
    {
        var form = FormFixtures.Schema(Rectification);
        JsonNode?[] shapes =
        [
            null, true, false, 0, -1.5, 1e20, "", " ", "x", "2026-05-01", "on", new string('9', 40),
            new JsonArray(), new JsonArray(1, "a", null), new JsonObject(), new JsonObject { ["a"] = new JsonArray() },
        ];
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var submission = new JsonObject();
            foreach (var field in form.Fields)
            {
                if (random.Next(3) > 0)
                {
                    submission[field.Key] = shapes[random.Next(shapes.Length)]?.DeepClone();
                }
            }

            Should.NotThrow(() => FormValidator.Validate(form, submission, random.Next(2) == 0 ? null : new JsonObject { ["evidenceDocuments"] = "oops" }));
        }
    }
}
