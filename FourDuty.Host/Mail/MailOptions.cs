namespace FourDuty.Host.Mail;

/// <summary>
/// Configuration section <c>Mail</c>, as the transports read it. With no <c>Mail:Smtp:Host</c> every message is written
/// to <see cref="PickupFolder"/> instead of being sent (the embedded default). (The language and the templates of the
/// mails, <c>Mail:Culture</c> and <c>Mail:Templates</c>, are the domain's: <c>NotificationOptions</c>.)
/// </summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; leave <see cref="SmtpOptions.Host"/> empty to use the pickup folder.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender address. Required when an SMTP host is set; the pickup folder uses <see cref="PickupFrom"/> without it.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "四责协同";

    /// <summary>Where messages go when no SMTP host is set; relative paths are read from the working directory, as the SQLite file is.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>The domain part of every <c>Message-ID</c> (<c>&lt;{outboxId:N}@{domain}&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "fourduty.mail";

    /// <summary>The sender of pickup-folder mail when <see cref="From"/> is not set.</summary>
    public const string PickupFrom = "fourduty@localhost";

    /// <summary>True when mail goes to an SMTP server rather than to the pickup folder.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>Configuration section <c>Mail:Smtp</c>.</summary>
internal sealed class SmtpOptions
{
    /// <summary>The server's host name; empty means no SMTP (pickup folder).</summary>
    public string? Host { get; set; }

    /// <summary>The port; 0 lets MailKit choose (465 with <see cref="SmtpSecurity.SslOnConnect"/>, else 25).</summary>
    public int Port { get; set; }

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The user name; authentication is skipped when empty.</summary>
    public string? User { get; set; }

    /// <summary>The password of <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// How many SMTP sessions the service keeps open at most (one message at a time each). More send a wave of mails sooner
    /// where the server allows several sessions from one client; 1 sends one by one.
    /// </summary>
    public int Connections { get; set; } = 4;

    /// <summary>How long one SMTP command may take before the attempt counts as a network failure (retried later).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>).</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain text, no TLS (a relay on the local network).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which the server must offer.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on port 465, else STARTTLS when the server offers it.</summary>
    Auto,
}
