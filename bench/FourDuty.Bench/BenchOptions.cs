using System.Globalization;

namespace FourDuty.Bench;

/// <summary>The <c>--name value</c> options given to a scenario, checked against the ones it declares.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, int> _values;

    private BenchOptions(Dictionary<string, int> values) => _values = values;

    /// <exception cref="BenchUsageException">An option is unknown, lacks its value or is out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args, IReadOnlyList<BenchOption> declared)
    {
        var values = declared.ToDictionary(o => o.Name, o => o.Default, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            var option = declared.FirstOrDefault(o => o.Name == name)
                ?? throw new BenchUsageException($"unknown argument '{args[i]}'.");
            if (i + 1 >= args.Count)
            {
                throw new BenchUsageException($"--{option.Name} needs a value.");
            }

            var text = args[++i];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < option.Minimum)
            {
                throw new BenchUsageException($"--{option.Name} must be a whole number of at least {option.Minimum}; given '{text}'.");
            }

            values[option.Name] = value;
        }

        return new BenchOptions(values);
    }

    public int this[string name] => _values[name];
}

/// <summary>The command line does not fit the scenario; the message says how.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
