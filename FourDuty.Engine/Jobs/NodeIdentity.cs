namespace FourDuty.Engine.Jobs;

/// <summary>
/// This process among the nodes on one database: a fresh id at every start (a node restarted in a dead one's place is a new
/// node, and the dead one's claims are released by everybody alike), and a name for people (host name and process id).
/// </summary>
public sealed class NodeIdentity
{
    /// <summary>A new identity for this process.</summary>
    public NodeIdentity() : this(Guid.NewGuid(), $"{Environment.MachineName}:{Environment.ProcessId}")
    {
    }

    /// <summary>A given identity (tests that play several nodes in one process).</summary>
    public NodeIdentity(Guid id, string name)
    {
        Id = id;
        Name = name.Length <= 255 ? name : name[..255];
    }

    /// <summary>The id claims carry.</summary>
    public Guid Id { get; }

    /// <summary>Host name and process id, for people reading the <c>nodes</c> table.</summary>
    public string Name { get; }
}
