using Hangfire;
using Hangfire.Dashboard;

namespace FourDuty.Host.Jobs;

internal static class JobsDashboard
{
    public static WebApplication MapFourDutyJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Until sign-in exists, only requests from this machine see the dashboard.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        return app;
    }
}
