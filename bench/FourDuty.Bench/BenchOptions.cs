using System.Globalization;

namespace FourDuty.Bench;

/// <summary>The <c>--name value</c> options given to a scenario, checked against the ones it declares.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, int> _values;
    private readonly Dictionary<string, string?> _texts;

    private BenchOptions(Dictionary<string, int> values, Dictionary<string, string?> texts)
    {
        _values = values;
        _texts = texts;
    }

    /// <exception cref="BenchUsageException">An option is unknown, lacks its value or is out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args, IReadOnlyList<BenchOption> declared, IReadOnlyList<BenchTextOption>? declaredTexts = null)
    {
        declaredTexts ??= [];
        var values = declared.ToDictionary(o => o.Name, o => o.Default, StringComparer.Ordinal);
        var texts = declaredTexts.ToDictionary(o => o.Name, o => (string?)null, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            var option = declared.FirstOrDefault(o => o.Name == name);
            var textOption = declaredTexts.FirstOrDefault(o => o.Name == name);
            if (option is null && textOption is null)
            {
                throw new BenchUsageException($"unknown argument '{args[i]}'.");
            }

            if (i + 1 >= args.Count)
            {
                throw new BenchUsageException($"--{name} needs a value.");
            }

            var text = args[++i];
            if (textOption is not null)
            {
                texts[textOption.Name] = text;
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < option!.Minimum)
            {
                throw new BenchUsageException($"--{option!.Name} must be a whole number of at least {option.Minimum}; given '{text}'.");
            }

            values[option.Name] = value;
        }

        return new BenchOptions(values, texts);
    }

    public int this[string name] => _values[name];

    /// <summary>A text option's value; null when it was not given.</summary>
    public string? Text(string name) => _texts[name];
}

/// <summary>The command line does not fit the scenario; the message says how.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
