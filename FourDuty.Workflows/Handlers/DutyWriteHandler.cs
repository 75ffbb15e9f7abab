using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime.Handlers;
using FourDuty.Workflows.Persistence;

namespace FourDuty.Workflows.Handlers;

/// <summary>A <c>duty.*</c> handler that writes records: its writes run once per job (see <see cref="DutyWrites"/>).</summary>
internal abstract class DutyWriteHandler(DutyWrites writes) : IServiceTaskHandler
{
    public abstract string Type { get; }

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
        writes.OnceAsync(context, Type, (db, now) => WriteAsync(new HandlerInput(context), db, now, cancellationToken), cancellationToken);

    /// <summary>Adds and changes records on <paramref name="db"/> (saved and committed by the caller) and returns the variables to set.</summary>
    protected abstract Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken);
}
