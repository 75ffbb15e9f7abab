using System.Globalization;

namespace FourDuty.Workflows.Notifications;

/// <summary>Instants as the mails show them: in the service's zone (Asia/Shanghai), in the recipient's language.</summary>
internal static class MailDates
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>
    /// <paramref name="instant"/> in <paramref name="timeZone"/>: <c>2026年3月5日 17:00</c> for Chinese,
    /// <c>5 March 2026, 17:00 (UTC+08:00)</c> for other cultures.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException"><paramref name="timeZone"/> is not a zone this machine knows.</exception>
    public static string Format(DateTimeOffset instant, string culture, string timeZone = DefaultTimeZone)
    {
        var local = ToLocal(instant, timeZone);
        if (culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return local.ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture);
        }

        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))} (UTC{sign}{offset:hh\\:mm})");
    }

    /// <summary>
    /// The end of a span that starts at <paramref name="start"/>: only the time (<c>15:30</c>) when it ends on the day it
    /// starts, so that "2026年3月10日 14:30至15:30" reads naturally; else as <see cref="Format"/>.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException"><paramref name="timeZone"/> is not a zone this machine knows.</exception>
    public static string FormatEnd(DateTimeOffset start, DateTimeOffset end, string culture, string timeZone = DefaultTimeZone) =>
        ToLocal(start, timeZone).Date == ToLocal(end, timeZone).Date
            ? ToLocal(end, timeZone).ToString("HH:mm", CultureInfo.InvariantCulture)
            : Format(end, culture, timeZone);

    private static DateTimeOffset ToLocal(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
