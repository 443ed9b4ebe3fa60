namespace SyncHire.Chaos.Tests;

/// <summary>
/// The chaos run needs PostgreSQL's server binaries (it runs a private server it can restart). Like every PostgreSQL
/// suite here, it runs when <c>SYNCHIRE_TEST_POSTGRES</c> is set, is skipped otherwise, and fails instead of skipping
/// when <c>SYNCHIRE_REQUIRE_POSTGRES=1</c> (CI).
/// </summary>
public static class PostgresRequirement
{
    public static void Check()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SYNCHIRE_TEST_POSTGRES")))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("SYNCHIRE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("SYNCHIRE_REQUIRE_POSTGRES=1 but SYNCHIRE_TEST_POSTGRES is not set: the chaos run must run here.");
        }

        Assert.Skip("The chaos run needs PostgreSQL: set SYNCHIRE_TEST_POSTGRES (scripts/start-postgres.sh prints the value).");
    }
}
