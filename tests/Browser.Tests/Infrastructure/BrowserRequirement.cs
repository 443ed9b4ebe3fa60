namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// The system tools these tests need: Debian's Chromium (never a downloaded browser), espeak-ng and sox for the
/// speech the fake microphone plays. CI sets SYNCHIRE_REQUIRE_BROWSER=1 and a missing tool fails the test with
/// the command that installs it; elsewhere the test is skipped with the same message.
/// </summary>
internal static class BrowserRequirement
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "SYNCHIRE_REQUIRE_BROWSER";

    public static void EnsureToolsInstalled()
    {
        var missing = new[] { ChromiumPath, "/usr/bin/espeak-ng", "/usr/bin/sox" }.Where(path => !File.Exists(path)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var message = $"Browser tests need {string.Join(", ", missing)}: apt-get install -y chromium espeak-ng sox";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{message} ({RequireVariable}=1 makes this a failure).");
        }

        Assert.Skip(message);
    }
}
