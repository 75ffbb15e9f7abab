namespace FourDuty.Host.Security.Policies;

/// <summary>The claims a signed-in principal carries beside its name (the person id) and its roles.</summary>
internal static class AccessClaims
{
    /// <summary>Set once the account was found and its roles added (<see cref="AccountClaimsTransformation"/>).</summary>
    public const string Account = "fourduty:account";

    /// <summary>How the principal proved who it is: <c>password</c>, <c>token</c> or <c>oidc</c>.</summary>
    public const string Via = "fourduty:via";

    /// <summary>Present for the Party secretary and the president (第一责任人).</summary>
    public const string FirstResponsible = "fourduty:first-responsible";

    /// <summary>The id of the personal access token a request came with.</summary>
    public const string TokenId = "fourduty:token";
}
