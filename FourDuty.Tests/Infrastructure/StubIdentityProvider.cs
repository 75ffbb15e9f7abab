using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect provider for the tests, on a loopback port: discovery, JWKS, an authorize endpoint that signs
/// in <see cref="SignedInPerson"/> at once (as a provider does for someone already signed in there), and a token
/// endpoint that checks the code, the client secret and PKCE, and issues an RS256 ID token.
/// </summary>
internal sealed class StubIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "fourduty";
    public const string ClientSecret = "stub-client-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stub-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private StubIdentityProvider(int port)
    {
        Authority = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Authority);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new
            {
                kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId,
                n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
            } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    /// <summary>The issuer URL, for <c>Security:OpenIdConnect:Authority</c>.</summary>
    public string Authority { get; }

    /// <summary>The value of <c>preferred_username</c> the next sign-in gives; null gives a token without it.</summary>
    public string? SignedInPerson { get; set; }

    /// <summary>The settings that point the Host at this provider.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Security:OpenIdConnect:Authority", Authority),
        new("Security:OpenIdConnect:ClientId", ClientId),
        new("Security:OpenIdConnect:ClientSecret", ClientSecret),
        new("Security:OpenIdConnect:RequireHttpsMetadata", "false"),
        new("Security:OpenIdConnect:DisplayName", "校园统一身份认证"),
    ];

    public static async Task<StubIdentityProvider> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var provider = new StubIdentityProvider(port);
        await provider._app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unexpected authorization request");
        }

        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!, SignedInPerson);
        return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var claims = new Dictionary<string, object> { ["sub"] = "stub-subject-" + (grant.Person ?? "none"), ["nonce"] = grant.Nonce };
        if (grant.Person is not null)
        {
            claims["preferred_username"] = grant.Person;
        }

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { id_token = idToken, access_token = "stub-access-token", token_type = "Bearer", expires_in = 300 });
    }

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge, string? Person);
}
