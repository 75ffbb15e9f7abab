using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// The rows one step reads in order to change them, adds and removes, and how they reach the database at commit: one
/// implementation per database (<see cref="EntityFrameworkStepRows"/> lets Entity Framework track and save;
/// <see cref="Postgres.PostgresStepRows"/> tracks the rows itself and writes them in one batch).
/// </summary>
internal interface IStepRows
{
    /// <summary>The first row of a query, tracked: the step may change or remove it. A row already tracked comes back as that object.</summary>
    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Every row of a query, tracked, as <see cref="FirstOrDefaultAsync{T}"/>.</summary>
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class;

    /// <summary>A new row, inserted at commit.</summary>
    void Add(object row);

    /// <summary>A row to delete at commit; a row added by the same step is simply never written.</summary>
    void Remove(object row);

    /// <summary>The tracked rows of one kind, added or read, not removed.</summary>
    IEnumerable<T> Local<T>()
        where T : class;

    /// <summary>
    /// The instances whose own row, or any row that belongs to them, the step adds, changes or removes. Asked once, after the
    /// step's last change and before <see cref="NewRevision"/>.
    /// </summary>
    IReadOnlySet<Guid> ChangedInstances();

    /// <summary>Gives a changed instance its next revision; the write still checks the revision the step read.</summary>
    void NewRevision(InstanceRecord instance);

    /// <summary>Writes every change in one database transaction.</summary>
    Task WriteAsync(CancellationToken cancellationToken);
}
