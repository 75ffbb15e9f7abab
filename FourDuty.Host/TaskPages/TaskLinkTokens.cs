using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FourDuty.Host.TaskPages;

/// <summary>
/// Task link tokens: 256 random bits, URL-safe. Only the SHA-256 of a token is stored, so a database leak
/// yields no working link.
/// </summary>
internal static class TaskLinkTokens
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for text shaped like a token; anything else is refused before touching the database.</summary>
    public static bool LooksValid(string token) => token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
