using System.Collections.Frozen;

namespace FourDuty.Engine.Forms;

/// <summary>The names a form may bind values to: dot-separated words of ASCII letters, digits and underscores, as form-js allows.</summary>
internal static class FormKeys
{
    /// <summary>Names that would reach an object's prototype in the browser or in a script; never used as data names.</summary>
    private static readonly FrozenSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "__proto__", "prototype", "constructor" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Checks a dotted key; returns null when it is fine, else why it is not.</summary>
    public static string? Check(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        foreach (var segment in key.Split('.'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty part between dots";
            }

            if (!segment.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return $"'{segment}' has a character other than an ASCII letter, digit or underscore";
            }

            if (Reserved.Contains(segment))
            {
                return $"'{segment}' is reserved";
            }
        }

        return null;
    }

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
