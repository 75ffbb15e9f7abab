namespace FourDuty.Workflows.Notifications;

/// <summary>
/// What the domain's mails need to be written (configuration section <c>Mail</c>, whose transport settings the Host
/// reads): the language of people without one, the Liquid templates, and the address the service is reached at for
/// task links.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>The language of mails to people without one, and the last fallback of every template.</summary>
    public const string DefaultCulture = "zh-CN";

    /// <summary>The culture of mails whose recipient has none (<c>Mail:Culture</c>).</summary>
    public string Culture { get; set; } = DefaultCulture;

    /// <summary>The folder of the Liquid mail templates (<c>Mail:Templates</c>); relative paths are read from the program's folder.</summary>
    public string Templates { get; set; } = "workflows/mail";

    /// <summary>The address people reach the service at, for task links (<c>PublicUrl</c>, else the first of <c>Urls</c>).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The path task links start with, e.g. <c>/t/</c> (the Host's task pages).</summary>
    public string TaskLinkPath { get; set; } = "/t/";

    /// <summary>The sender used as a talk's organizer when its holder has no address (<c>Mail:From</c>).</summary>
    public string? From { get; set; }

    /// <summary>The link to a task page with <paramref name="token"/>.</summary>
    public string TaskUrl(string token) => $"{PublicUrl.TrimEnd('/')}{TaskLinkPath}{token}";
}
