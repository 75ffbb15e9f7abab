using System.Globalization;
using FourDuty.Engine.Time;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// The functions every expression and script can call besides standard JavaScript:
/// <c>now()</c>, <c>workdays(n)</c>, <c>workdays(n, from)</c> and <c>isWorkday(date)</c>.
/// Deadlines in the policy are counted in working days, with public holidays and make-up working days
/// from the business calendar.
/// </summary>
internal sealed class ExpressionFunctions(IBusinessCalendar? calendar)
{
    /// <param name="engine">The engine to give the functions.</param>
    /// <param name="now">The instant of the evaluation under way.</param>
    public void InstallInto(Jint.Engine engine, Func<DateTimeOffset> now)
    {
        engine.SetValue("now", new ClrFunction(engine, "now", (_, _) => new JsDate(engine, now())));
        engine.SetValue("workdays", new ClrFunction(engine, "workdays", (_, arguments) =>
        {
            var count = TypeConverter.ToNumber(arguments.At(0));
            if (double.IsNaN(count) || count != Math.Floor(count) || Math.Abs(count) > 10_000)
            {
                throw new ExpressionException("workdays", $"workdays(n) needs a whole number of working days; got {TypeConverter.ToString(arguments.At(0))}");
            }

            var from = arguments.Length > 1 ? Instant(arguments.At(1), "workdays(n, from)") : now();
            return new JsDate(engine, Calendar().AddWorkingDays(from, (int)count));
        }));
        engine.SetValue("isWorkday", new ClrFunction(engine, "isWorkday", (_, arguments) =>
        {
            var calendar = Calendar();
            var instant = arguments.Length > 0 ? Instant(arguments.At(0), "isWorkday(date)") : now();
            var date = NodaTime.Instant.FromDateTimeOffset(instant).InZone(calendar.Zone).Date;
            return calendar.IsWorkingDay(date) ? JsBoolean.True : JsBoolean.False;
        }));
    }

    private IBusinessCalendar Calendar() => calendar
        ?? throw new ExpressionException("workdays", "no business calendar is configured, so working days cannot be counted (set Engine:CalendarFile)");

    private static DateTimeOffset Instant(JsValue value, string function) => value switch
    {
        JsDate date => new DateTimeOffset(date.ToDateTime().ToUniversalTime(), TimeSpan.Zero),
        JsString text when DateTimeOffset.TryParse(text.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new ExpressionException(function, $"{function} needs a date or an ISO 8601 date-time string; got {TypeConverter.ToString(value)}"),
    };
}
