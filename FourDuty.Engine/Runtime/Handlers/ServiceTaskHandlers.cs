namespace FourDuty.Engine.Runtime.Handlers;

/// <summary>
/// The registered handlers by type; two handlers for one type is an error. Looked up on first use, because a
/// handler may itself depend on the engine.
/// </summary>
internal sealed class ServiceTaskHandlers(Func<IEnumerable<IServiceTaskHandler>> handlers)
{
    private readonly Lazy<Dictionary<string, IServiceTaskHandler>> _byType = new(() => ByType(handlers()));

    public bool TryGet(string? type, out IServiceTaskHandler handler) =>
        _byType.Value.TryGetValue(type ?? "", out handler!);

    public IEnumerable<string> Types => _byType.Value.Keys;

    private static Dictionary<string, IServiceTaskHandler> ByType(IEnumerable<IServiceTaskHandler> handlers)
    {
        var byType = new Dictionary<string, IServiceTaskHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byType.TryAdd(handler.Type, handler))
            {
                throw new InvalidOperationException(
                    $"Two service task handlers serve the type '{handler.Type}': {byType[handler.Type].GetType().Name} and {handler.GetType().Name}. Register one.");
            }
        }

        return byType;
    }
}
