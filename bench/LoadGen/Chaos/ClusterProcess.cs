using System.Diagnostics;
using System.Globalization;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// One SyncHire process of the cluster as a real child process (`dotnet SyncHire.Gateway.dll …`): the REST API and
/// candidate WebSockets on <see cref="Address"/>, an Orleans silo on <see cref="SiloPort"/>. Its output is kept for
/// the report.
/// </summary>
public sealed class ClusterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ClusterProcess(string name, Process process, Uri address, int siloPort)
    {
        Name = name;
        _process = process;
        Address = address;
        SiloPort = siloPort;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>HTTP: REST, candidate sockets, /health/ready, /metrics.</summary>
    public Uri Address { get; }

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; }

    public int Pid => _process.Id;

    public bool Exited => _process.HasExited;

    public static ClusterProcess Start(string name, string dll, int httpPort, int siloPort, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        start.ArgumentList.Add($"--Cluster:SiloPort={siloPort}");
        start.ArgumentList.Add("--Cluster:AdvertisedAddress=127.0.0.1");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        return new ClusterProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{httpPort}/"), siloPort);
    }

    /// <summary>Polls /health/ready (200 once this process's silo is Active); fails with the process's output if it never is.</summary>
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

        throw new InvalidOperationException($"{Name} did not become ready within {timeout}{(Exited ? " (it exited)" : "")}:\n{Output()}");
    }

    /// <summary>What this process's /metrics says about its share of the cluster; null when it does not answer.</summary>
    public async Task<ProcessGauges?> GaugesAsync(HttpClient http)
    {
        if (Exited)
        {
            return null;
        }

        string text;
        try
        {
            text = await http.GetStringAsync(new Uri(Address, "metrics"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }

        return new ProcessGauges(
            Sum(text, "orleans_catalog_activations", "grain_type=\"interview\""),
            Sum(text, "synchire_active_interviews", null),
            Sum(text, "orleans_consistent_ring_size", null));
    }

    /// <summary>
    /// The sum of a metric's samples in Prometheus text, over every label set (OpenTelemetry's exporter adds
    /// otel_scope_name), optionally only those carrying <paramref name="label"/>.
    /// </summary>
    private static double Sum(string text, string metric, string? label)
    {
        var sum = 0.0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal)
                || line.Length == metric.Length || line[metric.Length] is not ('{' or ' ')
                || (label is not null && !line.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sum += value;
            }
        }

        return sum;
    }

    /// <summary>kill -9 (SIGKILL): no shutdown, no drain, no goodbye; the cluster must find out by itself.</summary>
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

/// <summary>
/// One scrape of a process's /metrics: interview grains activated on its silo (Orleans' catalog), interviews with a
/// live provider session there (SyncHire's gauge), and how many silos its membership ring holds.
/// </summary>
public sealed record ProcessGauges(double InterviewActivations, double ActiveInterviews, double RingSize);
