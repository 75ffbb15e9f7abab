using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FourDuty.Engine;

/// <summary>The one way to add the engine to an application's services.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine (<see cref="ProcessEngine"/>), its storage and its background work. Service task handlers
    /// are added separately as <see cref="IServiceTaskHandler"/> singletons, completion rules as
    /// <see cref="Runtime.Tasks.ITaskCompletionCheck"/> singletons.
    /// </summary>
    public static IServiceCollection AddFourDutyEngine(this IServiceCollection services, Action<EngineSetup> configure)
    {
        var setup = new EngineSetup();
        configure(setup);
        services.AddSingleton(Options.Create(setup.Storage));
        services.AddSingleton(setup.Engine);
        services.AddSingleton(setup.Clock);
        services.AddSingleton(new BpmnParser(setup.ParserLimits));
        services.AddSingleton(sp => new ExpressionEvaluator(setup.Clock, setup.Expressions,
            new ExpressionFunctions(sp.GetService<FourDuty.Engine.Time.IBusinessCalendar>())));
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton(sp => new ServiceTaskHandlers(() => sp.GetServices<IServiceTaskHandler>()));
        services.AddSingleton(sp => new EngineServices(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Runtime.EngineOptions>(), sp.GetRequiredService<ExpressionEvaluator>(),
            sp.GetRequiredService<DefinitionCache>(), sp.GetRequiredService<ServiceTaskHandlers>(),
            sp.GetServices<Runtime.Tasks.IUserTaskListener>(), sp.GetService<Runtime.Tasks.ITaskAssignmentResolver>(),
            sp.GetServices<Runtime.Tasks.ITaskCompletionCheck>(), sp.GetServices<Deployment.IDeploymentRule>()));
        services.AddSingleton(sp => new Outbox.OutboxDelivery(sp.GetRequiredService<IEngineStore>(), () => sp.GetServices<Outbox.IOutboxHandler>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Runtime.EngineOptions>(), sp.GetServices<IStepListener>()));
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton(sp => new ProcessEngine(
            sp.GetRequiredService<CommandExecutor>(), sp.GetRequiredService<IEngineStore>(), sp.GetRequiredService<EngineServices>(),
            sp.GetRequiredService<BpmnParser>(), sp.GetRequiredService<JobRunner>(), sp.GetRequiredService<Outbox.OutboxDelivery>()));
        services.AddEngineStorage(setup.Storage);
        if (setup.JobDriver == JobDriver.Hangfire)
        {
            services.AddSingleton<IStepListener, HangfireScheduler>();
            services.AddTransient<EngineJobs>();
            services.AddHostedService<SweepRegistration>();
        }

        return services;
    }
}
