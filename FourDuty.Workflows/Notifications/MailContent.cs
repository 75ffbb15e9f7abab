namespace FourDuty.Workflows.Notifications;

/// <summary>What to send to one recipient; rendered before sending.</summary>
/// <param name="Subject">The subject line, plain text on one line (encoded as UTF-8, RFC 2047, when sent).</param>
/// <param name="Html">The HTML alternative, built for Outlook and webmail (tables, inline CSS, no script, no forms).</param>
/// <param name="Text">The plain-text alternative; always sent, first, so that every client can read the mail.</param>
/// <param name="Calendar">An iCalendar invitation or cancellation sent as a third alternative, or <see langword="null"/>.</param>
public sealed record MailContent(string Subject, string Html, string Text, CalendarPart? Calendar);

/// <summary>An iCalendar body (text/calendar) and its METHOD (REQUEST or CANCEL).</summary>
/// <param name="Method">The iTIP method, <c>REQUEST</c> or <c>CANCEL</c>; it is repeated as the <c>method</c> parameter of the MIME part.</param>
/// <param name="Ics">The whole VCALENDAR text, whose METHOD property equals <paramref name="Method"/>.</param>
public sealed record CalendarPart(string Method, string Ics);
