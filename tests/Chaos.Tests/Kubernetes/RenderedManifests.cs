using System.Diagnostics;
using System.Text.Json;

namespace SyncHire.Chaos.Tests.Kubernetes;

/// <summary>
/// k8s/ as `kubectl kustomize` renders it (what `kubectl apply -k` would send), read into JSON with PyYAML.
/// Offline: no cluster is contacted. Needs kubectl (Debian: kubernetes-client) and python3-yaml.
/// </summary>
public static class RenderedManifests
{
    public static IReadOnlyList<JsonElement> Render()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "k8s");
        var yaml = Run("kubectl", ["kustomize", folder], input: null);
        var json = Run("python3", ["-c", "import json, sys, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d]))"], yaml);
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string Run(string file, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} is needed to check the Kubernetes manifests (apt-get install -y kubernetes-client python3-yaml): {e.Message}", e);
        }

        using (process)
        {
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {error}");
            return output.Result;
        }
    }
}
