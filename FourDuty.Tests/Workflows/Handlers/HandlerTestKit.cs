using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Tests.Engine.Runtime;

namespace FourDuty.Tests.Workflows.Handlers;

/// <summary>Calls a handler directly with a context of our making: to run the same job twice, as the engine's at-least-once delivery may.</summary>
internal static class HandlerTestKit
{
    public static IServiceTaskHandler Handler(this DomainHost host, string type) =>
        host.Services.GetServicesOf<IServiceTaskHandler>().Single(h => h.Type == type);

    public static ServiceTaskContext Context(Guid jobId, object variables, IReadOnlyDictionary<string, string>? properties = null) => new()
    {
        JobId = jobId,
        InstanceId = Guid.NewGuid(),
        DefinitionKey = "test",
        ElementId = "work",
        Properties = properties ?? new Dictionary<string, string>(),
        Variables = Scenario.Variables(variables)!,
    };

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? "";

    private static IEnumerable<T> GetServicesOf<T>(this IServiceProvider services) =>
        (IEnumerable<T>)services.GetService(typeof(IEnumerable<T>))!;
}
