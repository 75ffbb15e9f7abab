using FourDuty.Tests.Infrastructure;
using Npgsql;

namespace FourDuty.Tests.Host;

public sealed class MultiNodeStartupTests
{
    [SkippableFact]
    public async Task ThreeNodes_StartTogetherOnEmptyDatabase_AndAllBecomeHealthy()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("nodes");
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = connectionString };

        var nodes = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(settings)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(node => node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120))));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var schemas = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('fourduty', 'hangfire', 'access')", connection);
            ((long)(await schemas.ExecuteScalarAsync())!).ShouldBe(3L);
            await using var accounts = new NpgsqlCommand("SELECT count(*) FROM access.access_accounts", connection);
            var people = FourDuty.Workflows.Organization.PeopleDirectory.Load(Path.Combine(AppContext.BaseDirectory, "seeds/organization.json")).People.Count();
            ((long)(await accounts.ExecuteScalarAsync())!).ShouldBe(people + 1L, "the people of the organisation file and the administrator, once each");
            nodes.ShouldAllBe(node => !node.HasExited);
            nodes.ShouldAllBe(node => !node.Output.Contains("Error while executing install"), "Hangfire's schema must install once, not fail on a racing node");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }
}
