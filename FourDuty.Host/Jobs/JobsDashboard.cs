using FourDuty.Host.Security;
using Hangfire;

namespace FourDuty.Host.Jobs;

internal static class JobsDashboard
{
    /// <summary>
    /// The Hangfire dashboard, for operators only. Hangfire's default ("local requests only") would let everyone
    /// in behind a reverse proxy, so the dashboard sits behind the operators' authorization policy instead.
    /// </summary>
    public static WebApplication MapFourDutyJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(OperatorAuthentication.Policy, "/hangfire", new DashboardOptions { Authorization = [] });
        return app;
    }
}
