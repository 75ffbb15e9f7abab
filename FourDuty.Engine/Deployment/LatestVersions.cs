using System.Collections.Concurrent;

namespace FourDuty.Engine.Deployment;

/// <summary>
/// Remembers, for one second, which version is the latest of each process key, so that a burst of starts does not
/// ask the database each time. A deployment on this node forgets its keys at once; one on another node is seen
/// here within the second, as if the start had come a moment earlier.
/// </summary>
internal sealed class LatestVersions
{
    private static readonly long Lifetime = TimeSpan.FromSeconds(1).Ticks / TimeSpan.TicksPerMillisecond;

    private readonly ConcurrentDictionary<string, (Guid Id, long At)> _latest = new(StringComparer.Ordinal);

    public bool TryGet(string key, out Guid definitionId)
    {
        if (_latest.TryGetValue(key, out var entry) && Environment.TickCount64 - entry.At < Lifetime)
        {
            definitionId = entry.Id;
            return true;
        }

        definitionId = default;
        return false;
    }

    public void Remember(string key, Guid definitionId) => _latest[key] = (definitionId, Environment.TickCount64);

    public void Forget(string key) => _latest.TryRemove(key, out _);
}
