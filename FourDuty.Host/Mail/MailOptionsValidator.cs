using Microsoft.Extensions.Options;

namespace FourDuty.Host.Mail;

/// <summary>Checks <see cref="MailOptions"/> at start, so that a wrong setting stops the service with its key, not the first mail.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new List<string>();
        if (options.UsesSmtp && string.IsNullOrWhiteSpace(options.From))
        {
            problems.Add("Mail:From is required when Mail:Smtp:Host is set: give the sender address the SMTP server accepts, e.g. \"sizexietong@example.edu.cn\".");
        }

        if (!string.IsNullOrWhiteSpace(options.From) && !MailAddresses.IsValid(options.From))
        {
            problems.Add($"Mail:From must be one email address such as \"sizexietong@example.edu.cn\". Given: '{options.From}'.");
        }

        if (options.Smtp.Port is < 0 or > 65535)
        {
            problems.Add($"Mail:Smtp:Port must be between 1 and 65535, or 0 for the default of the security mode. Given: {options.Smtp.Port}.");
        }

        if (options.Smtp.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"Mail:Smtp:Timeout must be positive, e.g. \"00:01:00\". Given: {options.Smtp.Timeout}.");
        }

        if (string.IsNullOrWhiteSpace(options.MessageIdDomain) || options.MessageIdDomain.Any(c => c is '<' or '>' or '@' || char.IsWhiteSpace(c)))
        {
            problems.Add($"Mail:MessageIdDomain must be a domain such as \"fourduty.mail\". Given: '{options.MessageIdDomain}'.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
