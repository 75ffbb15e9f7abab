namespace FourDuty.Host.Security;

/// <summary>The <c>Security</c> settings: the administrator account, rate limits and single sign-on.</summary>
internal sealed class SecurityOptions
{
    /// <summary>The account that may manage the others.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>Password sign-in attempts per client address and minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Posts to task links per client address and minute.</summary>
    public int TaskLinkPostsPerMinute { get; set; } = 30;

    /// <summary>Largest request body, in bytes, for endpoints that name no other limit (default 1 MB).</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest deployment or test-run body (the models and their forms), in bytes (default 4 MB).</summary>
    public long MaxDeploymentBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Single sign-on; off while its authority is empty.</summary>
    public OpenIdConnectOptions OpenIdConnect { get; set; } = new();
}

/// <summary><c>Security:Admin</c>.</summary>
internal sealed class AdminAccountOptions
{
    /// <summary>The administrator's account name.</summary>
    public string User { get; set; } = "admin";

    /// <summary>
    /// When set, the administrator's password at every start. When empty, the first start makes a one-time password
    /// and writes it to the console (never to a log).
    /// </summary>
    public string? Password { get; set; }
}

/// <summary><c>Security:OpenIdConnect</c>: the college's identity provider.</summary>
internal sealed class OpenIdConnectOptions
{
    /// <summary>The provider's issuer URL (its discovery document is at <c>/.well-known/openid-configuration</c>); empty turns SSO off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token that holds the person id of <c>seeds/organization.json</c>.</summary>
    public string PersonClaim { get; set; } = "preferred_username";

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "统一身份认证";

    /// <summary>Refuses a provider whose metadata is not served over HTTPS (turn off only for a test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
