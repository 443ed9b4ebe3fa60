using System.Diagnostics;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>One silo or gateway as a real child process (`dotnet SyncHire.Silo.dll …`), its output kept for the report.</summary>
public sealed class ClusterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ClusterProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public bool Exited => _process.HasExited;

    public static ClusterProcess Start(string name, string dll, int port, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        return new ClusterProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Polls /health/ready until it answers 200; fails with the process's output if it never does.</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new InvalidOperationException($"{Name} did not become ready within {timeout}:\n{Output()}");
    }

    /// <summary>kill -9: no shutdown, no goodbye; the cluster must find out by itself.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(60));
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 2000)
            {
                _output.RemoveRange(0, 1000);
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
