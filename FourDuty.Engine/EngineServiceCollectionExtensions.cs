using FourDuty.Engine.Bpmn;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Jobs;
using FourDuty.Engine.Persistence;
using FourDuty.Engine.Runtime.Commands;
using FourDuty.Engine.Runtime.Execution;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Engine.Runtime.Store;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
            new Runtime.Tasks.TaskLinkKey(sp.GetRequiredService<Runtime.EngineOptions>(), sp.GetRequiredService<IEngineStore>()),
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
            AddDueWork(services, setup);
        }

        return services;
    }

    // Hangfire drives time (decision 0020): this node's due-work processes run on its Hangfire server, and a recurring Hangfire
    // job sweeps what no process took.
    private static void AddDueWork(IServiceCollection services, EngineSetup setup)
    {
        services.AddSingleton(setup.DueWork);
        services.TryAddSingleton<NodeIdentity>();
        services.AddSingleton(sp => new DueWorkSignal(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStepListener>(sp => sp.GetRequiredService<DueWorkSignal>());
        services.AddSingleton(sp => new DueWork(
            sp.GetRequiredService<ProcessEngine>(), sp.GetRequiredService<CommandExecutor>(), sp.GetRequiredService<Outbox.OutboxDelivery>(), DueWorkStore(sp, setup.Storage.Provider),
            sp.GetRequiredService<NodeIdentity>(), setup.DueWork, sp.GetRequiredService<ILogger<DueWork>>()));
        services.AddSingleton<IBackgroundProcess, HeartbeatProcess>();
        services.AddSingleton<IBackgroundProcess, TimerProcess>();
        services.AddSingleton<IBackgroundProcess, JobProcess>();
        services.AddSingleton<IBackgroundProcess, OutboxProcess>();
        services.AddTransient(sp => new EngineJobs(sp.GetRequiredService<ProcessEngine>(), sp.GetRequiredService<DueWork>()));
        services.AddHostedService<SweepRegistration>();
    }

    private static IDueWorkStore? DueWorkStore(IServiceProvider services, StorageProvider provider) => provider switch
    {
        StorageProvider.Postgres => new Persistence.EntityFramework.Postgres.PostgresDueWorkStore(services.GetRequiredService<IDbContextFactory<EngineDbContext>>()),
        StorageProvider.Sqlite => new Persistence.EntityFramework.SqliteDueWorkStore(services.GetRequiredService<IDbContextFactory<EngineDbContext>>()),
        _ => null,
    };
}
