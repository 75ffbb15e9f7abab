using System.Text.Json.Nodes;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Host.TestRuns;

using FourDuty.Host.Security.Hardening;

namespace FourDuty.Host.Api;

/// <summary>
/// The designer's test-runs: a model tried out on an engine of its own (private database, simulated clock, mail kept,
/// nothing deployed to the service). See <see cref="TestRunRegistry"/> for how long they live.
/// </summary>
internal static class TestRunEndpoints
{
    public static void MapTestRunEndpoints(this IEndpointRouteBuilder api)
    {
        // A test-run is an engine of its own, in memory: nothing of the service's records changes, so nothing is audited.
        var runs = api.MapGroup("/test-runs").RequireAuthorization(AccessPolicy.Designer)
            .ChangesNothing("a test-run is an isolated engine in memory");
        runs.MapPost("", CreateAsync).WithBodyLimit(o => o.MaxDeploymentBytes, "Security:MaxDeploymentBytes")
            .WithSummary("Starts a test-run of a BPMN model (not deployed) with its forms, a start date and variables")
            .WithDescription("201 with the state; 422 with the model's problems; 429 when every allowed test-run is in use.");
        runs.MapGet("/{id:guid}", (Guid id, TestRunRegistry registry, CancellationToken ct) => WithRunAsync(id, registry, _ => Task.CompletedTask, ct))
            .WithSummary("The state: simulated time, tokens, tasks with their forms, timers, mails that would have gone out, events");
        runs.MapPost("/{id:guid}/advance", AdvanceAsync)
            .WithSummary("Moves the simulated clock by an ISO 8601 duration (PT1H, P1D), or to the next timer with { \"toNextTimer\": true }");
        runs.MapPost("/{id:guid}/tasks/{taskId:guid}/complete", CompleteAsync)
            .WithSummary("Completes a task with its form's values, as its assignee; the form is checked as for real tasks");
        runs.MapDelete("/{id:guid}", async (Guid id, TestRunRegistry registry) =>
            await registry.RemoveAsync(id) ? Results.NoContent() : Missing(id)).WithSummary("Ends a test-run and drops everything in it");
    }

    private static async Task<IResult> CreateAsync(TestRunCreateRequest body, TestRunRegistry registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Bpmn))
        {
            return Results.Problem("Send the model's BPMN XML in 'bpmn'.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "TESTRUN-NO-MODEL",
                extensions: new Dictionary<string, object?> { ["code"] = "TESTRUN-NO-MODEL" });
        }

        var unnamed = (body.Forms ?? []).Select((form, index) => (form, index))
            .FirstOrDefault(f => f.form.Name is null || !f.form.Name.EndsWith(".form", StringComparison.OrdinalIgnoreCase) || f.form.Schema is null);
        if (unnamed.form is not null)
        {
            return Results.Problem($"forms[{unnamed.index}] needs a 'name' ending in .form (as the task's camunda:formKey names it) and a 'schema'; it has name '{unnamed.form.Name}'.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "TESTRUN-FORM-INVALID",
                extensions: new Dictionary<string, object?> { ["code"] = "TESTRUN-FORM-INVALID" });
        }

        TestRun run;
        try
        {
            run = await registry.CreateAsync(new TestRunRequest(body.Bpmn, body.FileName ?? "model.bpmn",
                body.Forms?.Select(f => new TestRunForm(f.Name!, f.Schema!.ToJsonString())).ToList(), body.Start, body.BusinessKey, body.Variables),
                cancellationToken);
        }
        catch (TestRunLimitException limit)
        {
            return Results.Problem(limit.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "TESTRUN-LIMIT",
                extensions: new Dictionary<string, object?> { ["code"] = "TESTRUN-LIMIT" });
        }

        var state = await run.RunAsync(registry.Now, r => TestRunView.ReadAsync(r, cancellationToken), cancellationToken);
        return Results.Created($"/api/test-runs/{run.Id}", state);
    }

    private static Task<IResult> AdvanceAsync(Guid id, TestRunAdvanceRequest body, TestRunRegistry registry, CancellationToken cancellationToken)
    {
        TimeSpan? duration = null;
        if (!body.ToNextTimer)
        {
            if (!ClockDuration.TryRead(body.Duration, "PT1H, P1D or P7D; or send { \"toNextTimer\": true }", out var by, out var problem))
            {
                return Task.FromResult(problem!);
            }

            duration = by;
        }

        return WithRunAsync(id, registry, async run =>
        {
            if (duration is { } by)
            {
                await run.Engine.AdvanceClockAsync(by, cancellationToken);
            }
            else if ((await run.Engine.Queries.FindDueTimersAsync(DateTimeOffset.MaxValue, 1, cancellationToken)).FirstOrDefault() is { } next)
            {
                var wait = next.DueAt - run.Clock.GetUtcNow();
                await run.Engine.AdvanceClockAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
            }
        }, cancellationToken);
    }

    private static Task<IResult> CompleteAsync(Guid id, Guid taskId, TestRunCompleteRequest? body, TestRunRegistry registry,
        CancellationToken cancellationToken) =>
        WithRunAsync(id, registry, async run =>
        {
            var task = await run.Engine.Queries.GetTaskAsync(taskId, cancellationToken);
            await run.Engine.CompleteTaskAsync(taskId, body?.Variables, task?.Assignee, cancellationToken: cancellationToken);
            await run.Engine.RunDueWorkAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<IResult> WithRunAsync(Guid id, TestRunRegistry registry, Func<TestRun, Task> action, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(id) is not { } run)
        {
            return Missing(id);
        }

        try
        {
            var state = await run.RunAsync(registry.Now, async r =>
            {
                await action(r);
                return await TestRunView.ReadAsync(r, cancellationToken);
            }, cancellationToken);
            return Results.Ok(state);
        }
        catch (TestRunEndedException)
        {
            return Missing(id);
        }
    }

    private static IResult Missing(Guid id) =>
        ApiErrors.NotFound("TESTRUN-NOT-FOUND", $"There is no test-run {id}: it was ended, or dropped after being unused, or the service restarted. Start a new one.");
}

/// <summary>A test-run to start.</summary>
internal sealed record TestRunCreateRequest(string Bpmn, string? FileName, IReadOnlyList<TestRunFormBody>? Forms, DateTimeOffset? Start, string? BusinessKey,
    IReadOnlyDictionary<string, JsonNode?>? Variables);

/// <summary>A form file: its name (as the task's formKey names it) and its form-js schema.</summary>
internal sealed record TestRunFormBody(string? Name, JsonNode? Schema);

/// <summary>How far to move the clock.</summary>
internal sealed record TestRunAdvanceRequest(string? Duration, bool ToNextTimer = false);

/// <summary>The form's values.</summary>
internal sealed record TestRunCompleteRequest(IReadOnlyDictionary<string, JsonNode?>? Variables);
