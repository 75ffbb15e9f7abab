using FourDuty.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Engine;

/// <summary>The one way to add the engine to an application's services.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Adds the engine, its storage and its background work.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configureStorage">Chooses the database; see <see cref="StorageOptions"/>.</param>
    public static IServiceCollection AddFourDutyEngine(this IServiceCollection services, Action<StorageOptions> configureStorage)
    {
        services.AddOptions<StorageOptions>().Configure(configureStorage);
        services.AddSingleton(TimeProvider.System);
        services.AddEngineStorage();
        return services;
    }
}
