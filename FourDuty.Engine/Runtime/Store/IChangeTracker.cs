namespace FourDuty.Engine.Runtime.Store;

/// <summary>
/// Told about every row a step adds, removes or closes, so that a store can write exactly those. Changes to
/// rows it already holds are the store's to notice (Entity Framework tracks them; the memory store keeps
/// the whole aggregate).
/// </summary>
internal interface IChangeTracker
{
    void Added(object row);

    void Removed(object row);

    /// <summary>A row leaves the running state but stays stored (a completed task, a finished instance).</summary>
    void Closed(object row);
}
