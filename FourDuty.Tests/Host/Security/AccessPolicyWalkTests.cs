using System.Net;
using System.Text;
using System.Text.Json;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FourDuty.Tests.Host.Security;

/// <summary>
/// Walks the OpenAPI description and calls every operation anonymously and as each role, asserting 401, 403 or
/// "let through" (any other answer) for each. The expected rules are written out here, by hand: an operation this
/// table does not know — a new endpoint — fails the test until someone decides who may call it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AccessPolicyWalkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Anyone = "anyone signed in";

    // Who may call each operation: "anyone signed in", or the access roles let through.
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["POST /api/deployments"] = [AccessRole.Designer],
        ["POST /api/deployments/validate"] = [AccessRole.Designer],
        ["GET /api/definitions/{key}/forms"] = [Anyone],
        ["POST /api/test-runs"] = [AccessRole.Designer],
        ["GET /api/test-runs/{id}"] = [AccessRole.Designer],
        ["POST /api/test-runs/{id}/advance"] = [AccessRole.Designer],
        ["POST /api/test-runs/{id}/tasks/{taskId}/complete"] = [AccessRole.Designer],
        ["DELETE /api/test-runs/{id}"] = [AccessRole.Designer],
        ["GET /api/definitions"] = [Anyone],
        ["GET /api/definitions/{key}"] = [Anyone],
        ["GET /api/definitions/{key}/versions"] = [Anyone],
        ["GET /api/definitions/{key}/xml"] = [Anyone],
        // Office, and whom a deployed process names as a starter (the shipped reminder-talk names the discipline role); which
        // process is the endpoint's check, so on the walk's unknown process the discipline secretary gets a 404.
        ["GET /api/definitions/{key}/start-form"] = [AccessRole.Office, AccessRole.Discipline],
        ["POST /api/definitions/{key}/start"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/instances"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/instances/{id}"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/instances/{id}/history"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/instances/{id}/mails"] = [AccessRole.Office],
        ["GET /api/instances/{id}/mails/{mailId}"] = [AccessRole.Office],
        ["DELETE /api/instances/{id}"] = [AccessRole.Office],
        ["PUT /api/instances/{id}/variables"] = [AccessRole.Office],
        ["GET /api/tasks"] = [Anyone],
        ["GET /api/tasks/{id}"] = [Anyone],
        ["GET /api/tasks/{id}/form"] = [Anyone],
        ["GET /api/tasks/{id}/form-variables"] = [Anyone],
        ["POST /api/tasks/{id}/complete"] = [Anyone],
        ["POST /api/tasks/{id}/claim"] = [Anyone],
        ["POST /api/tasks/{id}/unclaim"] = [Anyone],
        ["POST /api/tasks/{id}/delegate"] = [Anyone],
        ["POST /api/tasks/{id}/assign"] = [Anyone],
        ["POST /api/tasks/{id}/urge"] = [AccessRole.Office, AccessRole.Discipline],
        ["POST /api/messages"] = [AccessRole.Office],
        ["POST /api/signals"] = [AccessRole.Office],
        ["GET /api/incidents"] = [AccessRole.Office, AccessRole.Discipline],
        ["POST /api/incidents/{id}/retry"] = [AccessRole.Office],
        ["GET /api/clock"] = [Anyone],
        ["POST /api/clock/advance"] = [AccessRole.Admin],
        ["GET /api/me"] = [Anyone],
        ["GET /api/inbox"] = [Anyone],
        ["GET /api/people"] = [Anyone],
        ["GET /api/calendar"] = [AccessRole.Office],
        ["PUT /api/calendar/{year}"] = [AccessRole.Office],
        ["POST /api/evidence"] = [Anyone],
        ["GET /api/evidence/{id}"] = [Anyone],
        ["PUT /api/me/password"] = [Anyone],
        ["GET /api/accounts"] = [AccessRole.Admin],
        ["PUT /api/accounts/{id}/roles"] = [AccessRole.Admin],
        ["PUT /api/accounts/{id}/password"] = [AccessRole.Admin],
        ["GET /api/tokens"] = [Anyone],
        ["POST /api/tokens"] = [Anyone],
        ["DELETE /api/tokens/{id}"] = [Anyone],
        ["GET /api/audit"] = [AccessRole.Admin, AccessRole.Discipline],
        ["POST /api/audit/export"] = [AccessRole.Admin, AccessRole.Discipline],
        ["GET /api/oversight/dashboard"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/choices"] = [AccessRole.Office, AccessRole.Discipline],
        // Anyone signed in reads their own dossier; the walk asks for somebody else's.
        ["GET /api/oversight/dossiers/{personId}"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/lapses/{id}"] = [AccessRole.Office, AccessRole.Discipline],
        ["POST /api/oversight/lapses/{id}/annotations"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/ledgers/rectification"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/ledgers/lists"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/ledgers/lapses"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/ledgers/talks"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/reports/rectification/{feedbackId}"] = [AccessRole.Office, AccessRole.Discipline],
        ["GET /api/oversight/reports/year/{year}"] = [AccessRole.Office, AccessRole.Discipline],
    };

    // The clock's operations exist only on a simulated clock: walk that service, so that they are walked too.
    private readonly FourDutyHostFactory _host = new(settings: new Dictionary<string, string> { ["Clock:Mode"] = "Simulated" });
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        using var stranger = _host.CreateClient();
        _document = JsonDocument.Parse(await stranger.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryOperation_Answers401Anonymously_403ToRolesWithoutItsPolicy_AndLetsItsRolesThrough()
    {
        var operations = Operations().ToList();
        operations.Select(o => o.Key).Where(key => !Expected.ContainsKey(key))
            .ShouldBeEmpty("a new operation needs its expected rule in this test (and a policy on its endpoint)");
        Expected.Keys.Where(key => operations.All(o => o.Key != key)).ShouldBeEmpty("an operation of this table is gone from the API");
        var clients = AccessRole.All.ToDictionary(role => role, role => _host.CreateClientWithRoles(role));
        using var stranger = _host.CreateClient();
        var wrong = new List<string>();

        foreach (var (key, method, path) in operations)
        {
            await CheckAsync(stranger, "anonymous", HttpStatusCode.Unauthorized);
            foreach (var (role, client) in clients)
            {
                var allowed = Expected[key].Contains(Anyone) || Expected[key].Contains(role);
                await CheckAsync(client, role, allowed ? null : HttpStatusCode.Forbidden);
            }

            async Task CheckAsync(HttpClient client, string who, HttpStatusCode? expected)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var through = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                var ok = expected is null ? through : response.StatusCode == expected;
                output.WriteLine($"{key} as {who}: {(int)response.StatusCode}");
                if (!ok)
                {
                    wrong.Add($"{key} as {who}: {(int)response.StatusCode}, expected {(expected is null ? "to be let through" : ((int)expected).ToString())}");
                }
                else if (!through && !await SaysWhatItNeedsAsync(response))
                {
                    wrong.Add($"{key} as {who}: {(int)response.StatusCode} without a problem that names what the operation needs: "
                        + await response.Content.ReadAsStringAsync());
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void EveryOperation_StatesItsPolicy_InTheOpenApiDescription()
    {
        foreach (var (key, method, path) in Operations())
        {
            var operation = _document.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
            var policy = operation.GetProperty("x-fourduty-policy").GetString();
            policy.ShouldNotBeNullOrEmpty(key);
            operation.GetProperty("description").GetString()!.ShouldStartWith($"权限 Requires: **{policy}**", customMessage: key);
            operation.GetProperty("security").GetArrayLength().ShouldBe(2, key);
        }

        var schemes = _document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("accessToken").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("signInCookie").GetProperty("in").GetString().ShouldBe("cookie");
    }

    [Fact]
    public void EveryEndpoint_NamesItsPolicyOrAllowsAnonymousOnPurpose_AndEveryStateChangeIsAudited()
    {
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(40);
        foreach (var endpoint in endpoints)
        {
            var name = $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
            (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
                .ShouldBeTrue($"{name} names no policy");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var changesState = methods.Any(m => m is not ("GET" or "HEAD"));
            if (changesState)
            {
                (endpoint.Metadata.GetMetadata<AuditedOperation>() is not null || endpoint.Metadata.GetMetadata<ChangesNothing>() is not null)
                    .ShouldBeTrue($"{name} may change state but is neither audited nor marked as changing nothing");
            }
        }
    }

    // A refusal is a problem in Chinese and English, not an empty body: a policy's refusal names the policy and what it asks
    // for; an endpoint's finer rule (a leader's own dossier) gives its own code and reason.
    private static async Task<bool> SaysWhatItNeedsAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (code is "SIGN-IN-REQUIRED" or "POLICY-FORBIDDEN")
        {
            return problem.TryGetProperty("policy", out var named) && named.GetString() is { } policy
                && AccessPolicy.Descriptions.TryGetValue(policy, out var needs) && detail.Contains(needs)
                && detail.Contains(code == "SIGN-IN-REQUIRED" ? "请先登录" : "无权");
        }

        return response.StatusCode == HttpStatusCode.Forbidden && code is { Length: > 0 } && detail.Any(ch => ch is >= '\u4e00' and <= '\u9fff');
    }

    private IEnumerable<(string Key, string Method, string Path)> Operations()
    {
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                yield return ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Name.ToUpperInvariant(), path.Name);
            }
        }
    }

    // Ids that exist nowhere: an allowed caller gets 404 or 422, never 401 or 403.
    private static string Concrete(string path) => path
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{taskId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{feedbackId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{personId}", "no.such.person", StringComparison.Ordinal)
        .Replace("{year}", "2026", StringComparison.Ordinal)
        .Replace("{key}", "no-such-process", StringComparison.Ordinal);
}
