using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Seeds;

/// <summary>Writes a checked organisation file to the database as an update by id, and reads the organisation back.</summary>
internal static class OrganizationWriter
{
    public static async Task ApplyAsync(DutyDbContext db, OrganizationSeedData seed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = await db.People.ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var person in seed.People)
        {
            if (!people.Remove(person.Id, out var row))
            {
                db.People.Add(person);
                continue;
            }

            db.Entry(row).CurrentValues.SetValues(person);
            row.Positions = person.Positions;
            row.Groups = person.Groups;
            row.Portfolio = person.Portfolio;
            row.Access = person.Access;
            row.Active = true;
        }

        // Gone from the file: kept, with their records and their name, but no longer given tasks.
        foreach (var gone in people.Values)
        {
            gone.Active = false;
        }

        var units = seed.Units.Prepend(new OrgUnit { Id = "college", Name = seed.Unit, Kind = UnitKind.College, Order = -1 }).ToList();
        await UpsertAsync(db, db.Units, units, u => u.Id, (row, u) => { db.Entry(row).CurrentValues.SetValues(u); row.Active = true; }, row => row.Active = false,
            cancellationToken);
        await UpsertAsync(db, db.Subjects, seed.Subjects, s => s.Id, (row, s) => { db.Entry(row).CurrentValues.SetValues(s); row.Active = true; },
            row => row.Active = false, cancellationToken);
        // Areas and authority are settings, not records: the file's version replaces them.
        db.Areas.RemoveRange(await db.Areas.ToListAsync(cancellationToken));
        db.CadreAuthority.RemoveRange(await db.CadreAuthority.ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        db.Areas.AddRange(seed.Areas);
        db.CadreAuthority.AddRange(seed.Authority);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public static async Task<OrgChart> ReadAsync(DutyDbContext db, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Order).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Order).ToListAsync(cancellationToken);
        return new OrgChart(
            units.FirstOrDefault(u => u.Kind == UnitKind.College)?.Name ?? "",
            people.Select(p => p.ToPerson()),
            units.Where(u => u.Kind != UnitKind.College),
            await db.Subjects.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Order).ToListAsync(cancellationToken),
            await db.Areas.AsNoTracking().ToListAsync(cancellationToken),
            await db.CadreAuthority.AsNoTracking().ToListAsync(cancellationToken));
    }

    private static async Task UpsertAsync<T>(DutyDbContext db, DbSet<T> set, IEnumerable<T> rows, Func<T, string> key, Action<T, T> update, Action<T> retire,
        CancellationToken cancellationToken) where T : class
    {
        var stored = (await set.ToListAsync(cancellationToken)).ToDictionary(key);
        foreach (var row in rows)
        {
            if (stored.Remove(key(row), out var existing))
            {
                update(existing, row);
            }
            else
            {
                set.Add(row);
            }
        }

        foreach (var gone in stored.Values)
        {
            retire(gone);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
