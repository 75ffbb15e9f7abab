using FourDuty.Host.Security.Policies;
using Hangfire;

namespace FourDuty.Host.Jobs;

internal static class JobsDashboard
{
    /// <summary>
    /// The Hangfire dashboard, for administrators only. Hangfire's default ("local requests only") would let everyone
    /// in behind a reverse proxy, so the dashboard sits behind the admin policy instead.
    /// </summary>
    public static WebApplication MapFourDutyJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(AccessPolicy.Admin, "/hangfire", new DashboardOptions { Authorization = [] });
        return app;
    }
}
