using Microsoft.AspNetCore.Authorization;
using FourDuty.Workflows.Organization;

namespace FourDuty.Host.Security.Policies;

/// <summary>
/// The authorisation policies, one per kind of work. Every endpoint names one (or allows anonymous access on purpose);
/// the OpenAPI description repeats it for each operation. Finer rules (a leader's own tasks) are checked by the
/// endpoint against the resource, see <see cref="TaskRules"/>.
/// </summary>
internal static class AccessPolicy
{
    /// <summary>Any account that is signed in.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Accounts, settings, the background-job dashboard, the outbox, the simulated clock.</summary>
    public const string Admin = "admin";

    /// <summary>Deploys and validates processes.</summary>
    public const string Designer = "designer";

    /// <summary>Starts and cancels processes, changes their variables, sends messages and signals, reassigns tasks, retries incidents.</summary>
    public const string Office = "office";

    /// <summary>Reads every instance, its history and incidents: office, discipline secretary, first-responsible persons.</summary>
    public const string Oversight = "oversight";

    /// <summary>Reads and exports the audit trail: admin and discipline secretary.</summary>
    public const string AuditReader = "audit-reader";

    /// <summary>
    /// Starts a process by hand: the office any; others a process that names them as a candidate starter (<see cref="StarterRules"/>;
    /// the policy lets through whoever some deployed process names, the endpoint checks the process asked for).
    /// </summary>
    public const string Starter = "starter";

    /// <summary>Urges (催办) an open task: office and discipline secretary.</summary>
    public const string Urge = "urge";

    /// <summary>What each policy asks for, in Chinese then English, for the OpenAPI description and error pages.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [SignedIn] = "任何已登录账户 / any signed-in account",
        [Admin] = "系统管理员 / role admin",
        [Designer] = "流程设计人员 / role designer",
        [Office] = "党委办公室 / role office",
        [Oversight] = "党委办公室、纪委书记或第一责任人 / role office or discipline, or a first-responsible person (Party secretary, president)",
        [AuditReader] = "系统管理员或纪委书记 / role admin or discipline",
        [Starter] = "党委办公室，或流程 camunda:candidateStarterGroups / candidateStarterUsers 所列的角色、群组或人员 / role office, or a role, group or person the process names as a candidate starter",
        [Urge] = "党委办公室或纪委书记 / role office or discipline",
    };

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder builder)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireClaim(AccessClaims.Account).Build();
        return builder
            .AddPolicy(SignedIn, signedIn)
            .AddPolicy(Admin, policy => policy.Combine(signedIn).RequireRole(AccessRole.Admin))
            .AddPolicy(Designer, policy => policy.Combine(signedIn).RequireRole(AccessRole.Designer))
            .AddPolicy(Office, policy => policy.Combine(signedIn).RequireRole(AccessRole.Office))
            .AddPolicy(Oversight, policy => policy.Combine(signedIn).RequireAssertion(context =>
                context.User.HasClaim(c => c.Type == AccessClaims.Account) && Caller.Of(context.User).Oversees))
            .AddPolicy(AuditReader, policy => policy.Combine(signedIn).RequireRole(AccessRole.Admin, AccessRole.Discipline))
            .AddPolicy(Starter, policy => policy.Combine(signedIn).AddRequirements(new StarterRequirement()))
            .AddPolicy(Urge, policy => policy.Combine(signedIn).RequireRole(AccessRole.Office, AccessRole.Discipline))
            // An endpoint that forgot its policy is still closed to strangers (a test names it). Requests that reach no
            // endpoint (the pages' static bundles, a 404) pass: they carry nothing of anyone's.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(context =>
                (context.Resource is HttpContext http && http.GetEndpoint() is null) || context.User.HasClaim(c => c.Type == AccessClaims.Account)).Build());
    }
}
