using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// The real Host, started in-process on a fresh embedded SQLite file, or on PostgreSQL when a connection
/// string is given.
/// </summary>
internal sealed class FourDutyHostFactory(string? postgresConnectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fourduty-host-").FullName;

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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
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
