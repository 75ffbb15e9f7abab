namespace FourDuty.Tests.Infrastructure;

public sealed class TestPostgresTests
{
    [Fact]
    public void Require_Fails_WhenDatabaseMissingUnderCi()
    {
        var error = Should.Throw<InvalidOperationException>(() => TestPostgres.Require(null, ci: "true"));

        error.Message.ShouldContain("./test.sh");
    }

    [Fact]
    public void Require_ReturnsConnectionString_WhenConfigured()
    {
        TestPostgres.Require("Host=127.0.0.1", ci: "true").ShouldBe("Host=127.0.0.1");
    }
}
