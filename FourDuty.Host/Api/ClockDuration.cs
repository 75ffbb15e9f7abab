using System.Xml;

namespace FourDuty.Host.Api;

/// <summary>
/// Reads how far to move a simulated clock (the service's, or a test-run's): an ISO 8601 duration, forward, and at most
/// <see cref="Max"/> — a duration past that is a typing mistake, and one past the calendar's end was a 500.
/// </summary>
internal static partial class ClockDuration
{
    /// <summary>The longest move at once: ten years, more than any process of the college spans.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3660);

    /// <summary>The duration, or the problem to answer: 422 when it is no duration or goes back, 400 when it is over the limit.</summary>
    public static bool TryRead(string? text, string example, out TimeSpan duration, out IResult? problem)
    {
        problem = null;
        try
        {
            duration = XmlConvert.ToTimeSpan(text ?? "");
        }
        catch (FormatException) when (ApproximateDays(text) > Max.TotalDays)
        {
            // A well-formed duration whose numbers are too large for .NET to read ("P99999999999D"): absurd, not malformed.
            duration = TimeSpan.MaxValue;
        }
        catch (FormatException)
        {
            duration = default;
            problem = Problem(StatusCodes.Status422UnprocessableEntity, "CLOCK-INVALID-DURATION",
                $"“{text}”不是 ISO 8601 时长（例如 PT1H、P3D）。 '{text}' is not an ISO 8601 duration such as {example}.");
            return false;
        }
        catch (OverflowException)
        {
            duration = TimeSpan.MaxValue;
        }

        if (duration < TimeSpan.Zero)
        {
            problem = Problem(StatusCodes.Status422UnprocessableEntity, "CLOCK-INVALID-DURATION", "时钟只能向前拨动。 The clock only moves forward.");
            return false;
        }

        if (duration > Max)
        {
            problem = Problem(StatusCodes.Status400BadRequest, "CLOCK-ADVANCE-TOO-LARGE",
                $"“{text}”超出上限：时钟一次最多拨动 {Max.TotalDays:0} 天（P{Max.TotalDays:0}D）。 " +
                $"'{text}' is over the limit: the clock moves at most {Max.TotalDays:0} days (P{Max.TotalDays:0}D) at a time.");
            return false;
        }

        return true;
    }

    // The days an ISO 8601 duration spans (a year 366 days, a month 31), or 0 when the text is no such duration.
    private static double ApproximateDays(string? text)
    {
        var match = IsoDuration().Match(text ?? "");
        if (!match.Success || text is "P" or "PT")
        {
            return 0;
        }

        double Part(string name, double days) =>
            match.Groups[name].Success ? double.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) * days : 0;

        return Part("y", 366) + Part("mo", 31) + Part("w", 7) + Part("d", 1) + Part("h", 1 / 24.0) + Part("mi", 1 / 1440.0) + Part("s", 1 / 86400.0);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoDuration();

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
