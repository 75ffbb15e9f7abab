using System.Text.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// Runs a handler's writes once per job: in one transaction, the writes and a <see cref="HandlerRun"/> row keyed by the
/// engine's job id, which is stable across retries. A job run again (the engine delivers at least once: a node that died
/// after the commit, a claim that ran out) finds the row and gets back the variables of the first run, writing nothing.
/// Two runs at once (which the engine's claims prevent) would collide on the key: the loser's transaction rolls back,
/// its job is retried, and finds the row.
/// </summary>
internal sealed class DutyWrites(IDbContextFactory<DutyDbContext> contexts, TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;

    public async Task<ServiceTaskResult> OnceAsync(ServiceTaskContext context, string type,
        Func<DutyDbContext, DateTimeOffset, Task<IReadOnlyDictionary<string, JsonNode?>>> write, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.HandlerRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobId == context.JobId, cancellationToken) is { } done)
        {
            return Result(JsonNode.Parse(done.Result)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone()));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        var variables = await write(db, now);
        db.HandlerRuns.Add(new HandlerRun
        {
            JobId = context.JobId,
            Type = type,
            InstanceId = context.InstanceId,
            ElementId = context.ElementId,
            Result = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString(),
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result(variables);
    }

    /// <summary>Stamps a new record with its id, its times and where it came from.</summary>
    public static T New<T>(T record, ServiceTaskContext context, DateTimeOffset now) where T : DutyRecord
    {
        record.Id = Guid.CreateVersion7(now);
        record.CreatedAt = now;
        record.UpdatedAt = now;
        record.SourceInstanceId = context.InstanceId;
        record.SourceElementId = context.ElementId;
        return record;
    }

    /// <summary>
    /// The variables as the engine takes them: each value read back from its JSON text, so that a number made from an
    /// <c>int</c> reads as the engine's numbers do.
    /// </summary>
    public static ServiceTaskResult Result(IReadOnlyDictionary<string, JsonNode?> variables) =>
        new() { Variables = variables.ToDictionary(v => v.Key, v => v.Value is null ? null : JsonNode.Parse(v.Value.ToJsonString()), StringComparer.Ordinal) };

    public static IReadOnlyDictionary<string, JsonNode?> Vars(params (string Name, JsonNode? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
}
