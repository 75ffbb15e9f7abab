using System.Text.Json.Nodes;

namespace FourDuty.Engine.Forms;

/// <summary>The outcome of checking one submission: the variables to store, or every invalid field.</summary>
public sealed class FormValidationResult
{
    internal FormValidationResult(IReadOnlyDictionary<string, JsonNode?> variables, IReadOnlyList<FormFieldError> errors)
    {
        Variables = variables;
        Errors = errors;
    }

    /// <summary>True when every field is valid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The cleaned values, by top-level name (nested keys and group paths are objects, dynamic lists are lists):
    /// only what the form declares, each value in its field's type. Empty when the submission is invalid.
    /// Ready for <see cref="ProcessEngine.CompleteTaskAsync"/>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    /// <summary>Every invalid field, in form order (unknown keys first, in submission order, at each level); empty when valid.</summary>
    public IReadOnlyList<FormFieldError> Errors { get; }
}
