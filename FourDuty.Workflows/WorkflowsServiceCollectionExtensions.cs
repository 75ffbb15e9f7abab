using FourDuty.Engine.Runtime.Tasks;
using FourDuty.Workflows.Notifications;
using FourDuty.Workflows.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Workflows;

/// <summary>The one way to add the four-duty mechanism on top of the engine.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Adds the organisation (from <paramref name="organizationFile"/>), role-based assignment and task mails.</summary>
    public static IServiceCollection AddFourDutyWorkflows(this IServiceCollection services, string organizationFile)
    {
        services.AddSingleton(_ => PeopleDirectory.Load(organizationFile));
        services.AddSingleton<ITaskAssignmentResolver, RoleAssignmentResolver>();
        services.AddSingleton<IUserTaskListener, TaskMailListener>();
        return services;
    }
}
