using FourDuty.Host.Security.Policies;
using Hangfire;

namespace FourDuty.Host.Jobs;

internal static class JobsDashboard
{
    /// <summary>
    /// The Hangfire dashboard, for administrators only. Hangfire's default ("local requests only") would let everyone
    /// in behind a reverse proxy, so the dashboard sits behind the admin policy instead. It is read-only: the engine's
    /// tables drive every job (the sweep re-drives what is due), and a requeue or delete there would be a state change
    /// outside the audit trail.
    /// </summary>
    public static WebApplication MapFourDutyJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(AccessPolicy.Admin, "/hangfire", new DashboardOptions { Authorization = [], IsReadOnlyFunc = _ => true });
        return app;
    }
}
