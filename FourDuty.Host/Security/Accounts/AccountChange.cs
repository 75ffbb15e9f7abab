using Microsoft.EntityFrameworkCore;

namespace FourDuty.Host.Security.Accounts;

/// <summary>
/// Runs a change of one account (its password, its roles) as one transaction. Identity saves each of its operations on
/// its own, so a request racing another on the same account could leave half a change — a password removed and the new
/// one not yet set, roles taken away and the new ones not added — and answered 500. Here a lost race (Identity's
/// concurrency stamp, a unique key) rolls the whole change back and the caller answers 409 with <see cref="Conflict"/>.
/// </summary>
internal static class AccountChange
{
    /// <summary>Runs <paramref name="change"/>; false when another request changed the account first and nothing was kept.</summary>
    public static async Task<bool> TryAsync(AccessDbContext db, Func<Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await change();
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception race) when (race is AccountRaceException or DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // The request's audit entry is saved through the same context: it must not carry the rolled-back rows along.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The 409 of a change that lost a race, in the words a user reads first.</summary>
    public static IResult Conflict(string id) => Results.Problem(
        $"账号“{id}”刚被另一个请求修改，本次修改未保存，请刷新后重试。 The account '{id}' was changed by another request at the same moment; " +
        "nothing of this change was kept — reload and try again.",
        statusCode: StatusCodes.Status409Conflict, title: Code);

    /// <summary>The problem's code.</summary>
    public const string Code = "ACCOUNT-CHANGED";
}
