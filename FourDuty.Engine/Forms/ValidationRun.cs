using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FourDuty.Engine.Forms;

/// <summary>The state of one <see cref="FormValidator.Validate"/> call: the errors so far, the pattern time spent, the task's variables.</summary>
internal sealed class ValidationRun(FormLimits limits, JsonObject? input)
{
    private readonly Dictionary<FormField, IReadOnlyList<OptionValue>> _optionsFromInput = [];
    private TimeSpan _patternTime;

    public FormLimits Limits { get; } = limits;

    /// <summary>The task's variables, when the caller gave them; the source of read-only values and of options taken from variables.</summary>
    public JsonObject? Input { get; } = input;

    public List<FormFieldError> Errors { get; } = [];

    public void Fail(string key, string label, string code, string message) => Errors.Add(new FormFieldError(key, label, code, message));

    public void Fail(string key, string label, FieldFailure failure) => Fail(key, label, failure.Code, failure.Message);

    /// <summary>Runs a designer's pattern within the per-value timeout and the per-submission budget; null when it ran out of time.</summary>
    public bool? Matches(Regex pattern, string text)
    {
        if (_patternTime >= Limits.PatternBudget)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        finally
        {
            _patternTime += clock.Elapsed;
        }
    }

    /// <summary>
    /// The options a choice field accepts: its fixed ones; those in the variable its <c>valuesKey</c> names (when
    /// the caller gave the variables); null when they cannot be known, and any value of the right kind is kept.
    /// </summary>
    public IReadOnlyList<OptionValue>? OptionsFor(FormField field)
    {
        if (field.Rules.OptionsUnchecked || (field.OptionsKey is not null && Input is null))
        {
            return null;
        }

        if (field.OptionsKey is null)
        {
            return field.Rules.Options;
        }

        if (!_optionsFromInput.TryGetValue(field, out var options))
        {
            options = ReadOptions(field.OptionsKey);
            _optionsFromInput[field] = options;
        }

        return options;
    }

    /// <summary>Options from the variable a <c>valuesKey</c> names: <c>{ label, value }</c> objects or plain values.</summary>
    private List<OptionValue> ReadOptions(string optionsKey)
    {
        JsonNode? node = Input;
        foreach (var part in optionsKey.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        var options = new List<OptionValue>();
        foreach (var item in node as JsonArray ?? [])
        {
            var value = item is JsonObject entry ? entry["value"] : item;
            if (value is JsonValue scalar)
            {
                var text = ValueCoercer.CanonicalText(scalar);
                var label = item is JsonObject withLabel && JsonValues.StringOrNull(withLabel["label"]) is { Length: > 0 } l ? l : text;
                options.Add(new OptionValue(scalar, text, label));
            }
        }

        return options;
    }
}
