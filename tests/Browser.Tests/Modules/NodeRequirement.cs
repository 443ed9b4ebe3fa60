namespace SyncHire.Browser.Tests.Modules;

/// <summary>
/// node, which runs the page's module tests. CI sets SYNCHIRE_REQUIRE_NODE=1 and a missing node fails the test with
/// the command that installs it; elsewhere the test is skipped with the same message.
/// </summary>
internal static class NodeRequirement
{
    public const string RequireVariable = "SYNCHIRE_REQUIRE_NODE";

    /// <summary>The node on PATH; fails or skips the test when there is none.</summary>
    public static string Node()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
        if (node is not null)
        {
            return node;
        }

        const string message = "The web app's module tests need node on PATH: apt-get install -y nodejs";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{message} ({RequireVariable}=1 makes this a failure).");
        }

        Assert.Skip(message);
        return null!;
    }
}
