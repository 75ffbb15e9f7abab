using System.Net.Http.Headers;
using FourDuty.Host.Security.AccessTokens;
using FourDuty.Host.Security.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// The real Host, started in-process on a fresh embedded SQLite file, or on PostgreSQL when a connection
/// string is given. <see cref="CreateClientFor"/> gives a client signed in as a person (or as the administrator,
/// <c>admin</c>, whose password is <see cref="AdminPassword"/>); <c>CreateClient()</c> is a stranger.
/// </summary>
internal sealed class FourDutyHostFactory(string? postgresConnectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fourduty-host-").FullName;

    /// <summary>The administrator's password (<c>Security:Admin:Password</c>), unless the test's settings give another.</summary>
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>The college's processes every start deploys from <c>workflows/</c>; "nothing deployed" means nothing besides these.</summary>
    public static readonly IReadOnlyList<string> ShippedProcesses = ["annual-list-cycle", "feedback-rectification", "gap-filling", "reminder-talk"];

    /// <summary>True when <paramref name="definitionsJson"/> (the answer of <c>GET /api/definitions</c>) lists only the shipped processes.</summary>
    public static bool OnlyShipped(string definitionsJson) =>
        System.Text.Json.Nodes.JsonNode.Parse(definitionsJson)!.AsArray().All(d => ShippedProcesses.Contains(d!["key"]!.GetValue<string>()));

    public string SqliteFile => Path.Combine(_folder, "data", "fourduty.db");

    /// <summary>Where mail goes when no SMTP server is configured.</summary>
    public string PickupFolder => Path.Combine(_folder, "data", "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As users run it (dotnet run has no launch profile): the test factory's default, Development, would answer
        // some bad requests more helpfully than the real service does.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={SqliteFile}");
        builder.UseSetting("ConnectionStrings:Postgres", postgresConnectionString ?? "");
        builder.UseSetting("Mail:PickupFolder", PickupFolder);
        builder.UseSetting("Security:Admin:Password", AdminPassword);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A client that acts as <paramref name="person"/> (a person id of the organisation file, or <c>admin</c>), with that
    /// account's roles, through a personal access token made for it (as a script or CI would use the API).
    /// </summary>
    public HttpClient CreateClientFor(string person)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateAccessToken(person));
        return client;
    }

    /// <summary>A personal access token for <paramref name="person"/>, valid for a day (for clients of a Kestrel-served host).</summary>
    public string CreateAccessToken(string person)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AccessTokenStore>()
            .CreateAsync(person, "test client", TimeSpan.FromDays(1), CancellationToken.None).GetAwaiter().GetResult().Secret;
    }

    /// <summary>A client for a new account <c>test.{roles}</c> holding exactly <paramref name="roles"/> (none for a person without access).</summary>
    public HttpClient CreateClientWithRoles(params string[] roles)
    {
        var name = "test." + (roles.Length == 0 ? "none" : string.Join("-", roles));
        using (var scope = Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (accounts.FindByNameAsync(name).GetAwaiter().GetResult() is null)
            {
                var account = new Account { Id = name, UserName = name, RolesSetByAdmin = true };
                accounts.CreateAsync(account).GetAwaiter().GetResult().Succeeded.ShouldBeTrue();
                AccountSeeder.SetRolesAsync(accounts, account, roles).GetAwaiter().GetResult();
            }
        }

        return CreateClientFor(name);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's first request sees them.</summary>
    public HttpClient CreateBrowser(bool https = false) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    /// <summary>Sets a person's password as an administrator would.</summary>
    /// <summary>
    /// Waits (by wall time: the job driver delivers in the background) for an outbox row that <paramref name="match"/>
    /// accepts; <paramref name="eachRound"/> may drive due work itself (a test on a simulated clock). Long enough for one
    /// retry after a passing failure (the first backoff is 30 s); on timeout the message lists every row and its last error.
    /// </summary>
    public async Task<FourDuty.Engine.Runtime.State.OutboxRecord> WaitForOutboxAsync(
        Func<FourDuty.Engine.Runtime.State.OutboxRecord, bool> match, Func<Task>? eachRound = null)
    {
        var engine = Services.GetRequiredService<FourDuty.Engine.ProcessEngine>();
        IReadOnlyList<FourDuty.Engine.Runtime.State.OutboxRecord> rows = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (eachRound is not null)
            {
                await eachRound();
            }

            rows = await engine.Queries.ListOutboxAsync(100);
            if (rows.FirstOrDefault(match) is { } row)
            {
                return row;
            }
        }

        throw new TimeoutException("No outbox row as expected within 90 s; the rows: "
            + string.Join("; ", rows.Select(r => $"{r.Kind} {r.Status} attempts={r.Attempts} due={r.DueAt:O} error={r.LastError}")));
    }

    public async Task SetPasswordAsync(string person, string password)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await AccountSeeder.SetPasswordAsync(accounts, (await accounts.FindByNameAsync(person))!, password);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on shutdown only leaves a temp folder behind.
            }
        }
    }
}
