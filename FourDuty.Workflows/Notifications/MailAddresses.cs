using System.Text;
using MimeKit;

namespace FourDuty.Workflows.Notifications;

/// <summary>Turns configured and stored addresses into MimeKit mailboxes whose display names are encoded as UTF-8.</summary>
public static class MailAddresses
{
    /// <summary>True when <paramref name="address"/> is one bare address (no display name, no group, no route).</summary>
    public static bool IsValid(string address) => TryParse(address, out _);

    /// <summary>A mailbox with <paramref name="name"/> (encoded as UTF-8, RFC 2047, when written) and <paramref name="address"/>.</summary>
    /// <exception cref="FormatException"><paramref name="address"/> is not one valid email address.</exception>
    public static MailboxAddress Create(string? name, string address)
    {
        if (!TryParse(address, out var parsed))
        {
            throw new FormatException($"'{address}' is not a valid email address.");
        }

        return new MailboxAddress(Encoding.UTF8, OneLine(name) ?? string.Empty, parsed.Address);
    }

    /// <summary>Header values are one line: line breaks become spaces, so that no value can add a header.</summary>
    public static string? OneLine(string? value) =>
        value is null ? null : string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool TryParse(string address, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(address) || address.Trim() != address
            || !MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed)
            || !string.IsNullOrEmpty(parsed.Name) || parsed.Route.Count > 0 || !parsed.Address.Contains('@'))
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }
}
