using FourDuty.Host.Api;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Security.AccessTokens;

/// <summary>The body of a new personal access token.</summary>
public sealed record TokenRequest(string Name, int? ExpiresInDays);

/// <summary>A personal access token as listed: never its secret.</summary>
internal sealed record TokenView(Guid Id, string Owner, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static TokenView Of(AccessTokenRecord token) =>
        new(token.Id, token.Owner, token.Name, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.RevokedBy);
}

/// <summary>A new token: the only time its secret is shown.</summary>
internal sealed record CreatedToken(Guid Id, string Owner, string Name, DateTimeOffset ExpiresAt, string Token);

/// <summary>Personal access tokens: each person makes, lists and revokes their own; an administrator lists and revokes anyone's.</summary>
internal static class AccessTokenEndpoints
{
    public static void MapAccessTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").RequireAuthorization(AccessPolicy.SignedIn);
        tokens.MapGet("", ListAsync).WithSummary("Your access tokens (an admin sees everyone's, or one person's with ?owner=); never their secrets");
        tokens.MapPost("", CreateAsync)
            .Audited("token.create", call => call.Result is CreatedToken token ? $"'{token.Name}' {token.Id}, expires {token.ExpiresAt:yyyy-MM-dd}" : null)
            .WithSummary("Makes an access token for scripts and CI, acting as you with your roles; the secret is in this answer only")
            .WithDescription("Send it as `Authorization: Bearer fdpat_…`. expiresInDays: 1 to 366, default 90.");
        tokens.MapDelete("/{id:guid}", RevokeAsync).Audited("token.revoke")
            .WithSummary("Revokes an access token for good (your own; an admin may revoke anyone's)");
    }

    private static async Task<IResult> ListAsync(string? owner, HttpContext http, AccessTokenStore store, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http.User);
        var whose = caller.Has(AccessRole.Admin) ? owner : caller.Id;
        return Results.Ok((await store.ListAsync(whose, cancellationToken)).Select(TokenView.Of));
    }

    private static async Task<IResult> CreateAsync(TokenRequest body, HttpContext http, AccessTokenStore store, CancellationToken cancellationToken)
    {
        var days = body.ExpiresInDays ?? (int)AccessTokenStore.DefaultLifetime.TotalDays;
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return Results.Problem("name is required, at most 100 characters (what the token is for, e.g. \"CI deploy\").",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "TOKEN-NAME");
        }

        if (days < 1 || days > AccessTokenStore.LongestLifetime.TotalDays)
        {
            return Results.Problem($"expiresInDays is {days}; it must be from 1 to {AccessTokenStore.LongestLifetime.TotalDays}.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "TOKEN-LIFETIME");
        }

        var (token, secret) = await store.CreateAsync(Caller.Of(http.User).Id, body.Name.Trim(), TimeSpan.FromDays(days), cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Created($"/api/tokens/{token.Id}", new CreatedToken(token.Id, token.Owner, token.Name, token.ExpiresAt, secret));
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext http, AccessTokenStore store, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http.User);
        var token = await store.FindAsync(id, cancellationToken);
        if (token is null || (token.Owner != caller.Id && !caller.Has(AccessRole.Admin)))
        {
            // Someone else's token is as unknown to you as a token that does not exist.
            return ApiErrors.NotFound("TOKEN-NOT-FOUND", $"You have no access token {id}.");
        }

        await store.RevokeAsync(token, caller.Id, cancellationToken);
        return Results.NoContent();
    }
}
