using System.Collections.Concurrent;

namespace FourDuty.Engine.Runtime;

/// <summary>
/// What this node is working on now: job runs, outbox deliveries. Their claims in the database carry a lease kept
/// in the engine's time, which a simulated clock can move past in an instant; work still in this node's hands is
/// never taken over by this node, whatever the clock says.
/// </summary>
internal sealed class WorkInHand
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();

    /// <summary>Whether this node is working on <paramref name="id"/> at this moment.</summary>
    public bool Holds(Guid id) => _ids.ContainsKey(id);

    /// <summary>A snapshot of what this node is working on.</summary>
    public IReadOnlyCollection<Guid> Ids => _ids.Keys.ToList();

    /// <summary>Takes <paramref name="id"/> in hand until <see cref="Let"/>; false when this node has it in hand already.</summary>
    public bool TryHold(Guid id) => _ids.TryAdd(id, 0);

    /// <summary>Lets go of <paramref name="id"/>.</summary>
    public void Let(Guid id) => _ids.TryRemove(id, out _);

    /// <summary>Runs <paramref name="work"/> unless this node already has <paramref name="id"/> in hand, which gives false.</summary>
    public async Task<bool> RunAsync(Guid id, Func<Task<bool>> work)
    {
        if (!_ids.TryAdd(id, 0))
        {
            return false;
        }

        try
        {
            return await work();
        }
        finally
        {
            _ids.TryRemove(id, out _);
        }
    }
}
