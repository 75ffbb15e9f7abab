using FourDuty.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>A step's rows tracked by Entity Framework and written by <c>SaveChanges</c> (SQLite).</summary>
internal sealed class EntityFrameworkStepRows(DbContext db) : IStepRows
{
    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class =>
        query.FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class =>
        query.ToListAsync(cancellationToken);

    public void Add(object row) => db.Add(row);

    public void Remove(object row) => db.Remove(row);

    public IEnumerable<T> Local<T>()
        where T : class =>
        db.Set<T>().Local;

    public IReadOnlySet<Guid> ChangedInstances()
    {
        // One scan of the tracked rows: nothing changes them after this, so neither the revisions nor SaveChanges need
        // Entity Framework to compare every row with its snapshot again (Entries() would, each time).
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var changed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is InstanceRecord instance)
            {
                changed.Add(instance.Id);
            }
            else if (entry.Metadata.FindProperty(nameof(TokenRecord.InstanceId)) is { } property && entry.CurrentValues[property] is Guid owner)
            {
                changed.Add(owner);
            }
        }

        return changed;
    }

    public void NewRevision(InstanceRecord instance) =>
        db.Entry(instance).Property(i => i.Revision).CurrentValue = instance.Revision + 1;

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }
}
