namespace FourDuty.Workflows.Notifications;

/// <summary>
/// A mail template that is missing, cannot be parsed or fails while rendering. The message names the file (and the
/// line, for a syntax error), says what is wrong and how to fix it; it carries no stack trace worth showing.
/// </summary>
internal sealed class MailTemplateException(string code, string file, string message) : Exception($"{code} {message}")
{
    /// <summary>MAIL-001: no culture of the template has its three files.</summary>
    public const string NotFound = "MAIL-001";

    /// <summary>MAIL-002: a file is not valid Liquid.</summary>
    public const string ParseError = "MAIL-002";

    /// <summary>MAIL-003: rendering failed (an unknown variable or filter, a runaway loop).</summary>
    public const string RenderError = "MAIL-003";

    /// <summary>MAIL-004: the template name or culture is not a plain name.</summary>
    public const string BadName = "MAIL-004";

    /// <summary>The stable code, e.g. <c>MAIL-002</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The template file concerned (full path), or the folder when no file was found.</summary>
    public string File { get; } = file;
}
