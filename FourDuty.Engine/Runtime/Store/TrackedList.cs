using System.Collections;

namespace FourDuty.Engine.Runtime.Store;

/// <summary>A list of one kind of row of an aggregate, reporting additions and removals to the store.</summary>
internal sealed class TrackedList<T>(IChangeTracker tracker, IEnumerable<T> rows) : IReadOnlyList<T>
    where T : class
{
    private readonly List<T> _rows = rows.ToList();

    public int Count => _rows.Count;

    public T this[int index] => _rows[index];

    public void Add(T row)
    {
        _rows.Add(row);
        tracker.Added(row);
    }

    public void Remove(T row)
    {
        if (_rows.Remove(row))
        {
            tracker.Removed(row);
        }
    }

    public void Close(T row)
    {
        if (_rows.Remove(row))
        {
            tracker.Closed(row);
        }
    }

    public IEnumerator<T> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
