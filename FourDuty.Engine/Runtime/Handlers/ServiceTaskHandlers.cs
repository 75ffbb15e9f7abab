namespace FourDuty.Engine.Runtime.Handlers;

/// <summary>The registered handlers by type; two handlers for one type is a start-up error.</summary>
internal sealed class ServiceTaskHandlers
{
    private readonly Dictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);

    public ServiceTaskHandlers(IEnumerable<IServiceTaskHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Type, handler))
            {
                throw new InvalidOperationException(
                    $"Two service task handlers serve the type '{handler.Type}': {_handlers[handler.Type].GetType().Name} and {handler.GetType().Name}. Register one.");
            }
        }
    }

    public bool TryGet(string? type, out IServiceTaskHandler handler) =>
        _handlers.TryGetValue(type ?? "", out handler!);

    public IEnumerable<string> Types => _handlers.Keys;
}
