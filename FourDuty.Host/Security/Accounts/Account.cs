using Microsoft.AspNetCore.Identity;

namespace FourDuty.Host.Security.Accounts;

/// <summary>
/// A person's account: ASP.NET Core Identity's user, named by the person's id in the organisation file
/// (<c>zhou.office</c>), or the administrator account from configuration (<c>admin</c>).
/// </summary>
internal sealed class Account : IdentityUser
{
    /// <summary>The roles were last set by an administrator: the organisation file no longer changes them.</summary>
    public bool RolesSetByAdmin { get; set; }

    /// <summary>The account was made for a person of the organisation file (not the configured administrator).</summary>
    public bool FromOrganization { get; set; }
}
