using System.Xml;

namespace FourDuty.Host.Api;

/// <summary>
/// Reads how far to move a simulated clock (the service's, or a test-run's): an ISO 8601 duration, forward, and at most
/// <see cref="Max"/> — a duration past that is a typing mistake, and one past the calendar's end was a 500.
/// </summary>
internal static class ClockDuration
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

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
