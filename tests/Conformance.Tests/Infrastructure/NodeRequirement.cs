namespace SyncHire.Conformance.Tests.Infrastructure;

/// <summary>
/// npm (to install the pinned clients) and node (to run them when the pinned runtime does not fit this platform).
/// CI sets SYNCHIRE_REQUIRE_NODE=1 and a missing tool fails the test with the command that installs it; elsewhere
/// the test is skipped with the same message.
/// </summary>
internal static class NodeRequirement
{
    public const string RequireVariable = "SYNCHIRE_REQUIRE_NODE";

    public static void EnsureToolsInstalled()
    {
        var missing = new[] { "node", "npm" }.Where(tool => OnPath(tool) is null).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var message = $"Conformance tests need {string.Join(" and ", missing)} on PATH: apt-get install -y nodejs npm";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{message} ({RequireVariable}=1 makes this a failure).");
        }

        Assert.Skip(message);
    }

    public static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
