using FourDuty.Engine.Persistence;
using Npgsql;

namespace FourDuty.Tests.Engine.Persistence;

/// <summary>
/// The engine's PostgreSQL connections: a pool sized to the machine (decision 0033), prepared statements, no session reset —
/// and whatever an operator writes in the connection string, in any of Npgsql's spellings, wins.
/// </summary>
public sealed class ConnectionTuningTests
{
    [Fact]
    public void AConnectionStringThatSaysNothing_GetsThePoolSizedToTheMachine()
    {
        var tuned = new NpgsqlConnectionStringBuilder(StorageOptions.Tuned("Host=db;Database=fourduty;Username=fourduty"));

        tuned.MaxPoolSize.ShouldBe(StorageOptions.DefaultMaxPoolSize);
        StorageOptions.DefaultMaxPoolSize.ShouldBe(Math.Max(8, 4 * Environment.ProcessorCount));
        tuned.MaxAutoPrepare.ShouldBe(64);
        tuned.NoResetOnClose.ShouldBeTrue();
        tuned.Host.ShouldBe("db");
    }

    [Theory]
    [InlineData("Maximum Pool Size=50", 50)]
    [InlineData("maximum pool size=3", 3)]
    [InlineData("maxpoolsize=120", 120)]
    public void TheOperatorsPoolSize_Wins(string setting, int expected)
    {
        var tuned = new NpgsqlConnectionStringBuilder(StorageOptions.Tuned($"Host=db;Database=fourduty;{setting}"));

        tuned.MaxPoolSize.ShouldBe(expected);
    }

    [Fact]
    public void TheOperatorsStatementAndResetSettings_Win()
    {
        var tuned = new NpgsqlConnectionStringBuilder(StorageOptions.Tuned("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        tuned.MaxAutoPrepare.ShouldBe(0);
        tuned.NoResetOnClose.ShouldBeFalse();
    }
}
