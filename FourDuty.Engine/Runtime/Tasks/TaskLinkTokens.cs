using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// Task link tokens: 256 random bits, URL-safe. Only the SHA-256 of a token is stored, so a database leak
/// yields no working link.
/// </summary>
public static class TaskLinkTokens
{
    /// <summary>A fresh token: 43 URL-safe characters.</summary>
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored of <paramref name="token"/>: its SHA-256, as lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for text shaped like a token; anything else is refused before touching the database.</summary>
    public static bool LooksValid(string token) => token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
