using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Security;

/// <summary>
/// HTTP Basic sign-in for operators (the Hangfire dashboard): one account, <c>Security:OperatorUser</c> and
/// <c>Security:OperatorPassword</c>. Without a configured password a random one is made at start and written
/// to the log once, so a fresh machine is never open and never locked out.
/// </summary>
internal sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorAccount account) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";
    public const string Role = "operator";
    public const string Policy = "Operators";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not base64."));
        }

        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !account.Matches(credentials[..separator], credentials[(separator + 1)..]))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown operator or wrong password."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.User), new Claim(ClaimTypes.Role, Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"FourDuty operators\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }
}

/// <summary>The operator account, compared in constant time.</summary>
internal sealed class OperatorAccount
{
    private readonly byte[] _passwordHash;

    public OperatorAccount(IConfiguration configuration, ILogger<OperatorAccount> logger)
    {
        User = configuration["Security:OperatorUser"] ?? "operator";
        var password = configuration["Security:OperatorPassword"];
        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            logger.LogWarning("No Security:OperatorPassword is set; for this run the operator '{User}' has the password {Password}", User, password);
        }

        _passwordHash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
    }

    public string User { get; }

    public bool Matches(string user, string password) =>
        string.Equals(user, User, StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _passwordHash);
}
