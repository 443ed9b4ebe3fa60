using System.Net.Http.Json;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen;

/// <summary>
/// One phase: connect N candidates over the ramp, let them run through the warm-up, then measure for the duration:
/// frames, latency (in: read by the emulator's tap; out: read here), CPU and memory of the processes named in
/// --pids, and the SyncHire processes' /metrics.
/// </summary>
public sealed class BenchmarkPhase(BenchOptions options)
{
    private static readonly string[] SutProcesses = ["gateway", "silo", "peer"];

    public async Task<PhaseResult> RunAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var stats = new PhaseStats();
        var idle = await ScrapeAllAsync(http);
        var candidates = new List<SimulatedCandidate>(options.Sessions);
        using var wheel = new TimerWheel();

        Console.WriteLine($"[{options.Target}] connecting {options.Sessions} candidates over {options.Ramp.TotalSeconds:0} s");
        using var connecting = new SemaphoreSlim(32);
        var connects = new List<Task>();
        var rampStart = DateTime.UtcNow;
        for (var i = 0; i < options.Sessions; i++)
        {
            var due = rampStart + options.Ramp * i / options.Sessions;
            if (due > DateTime.UtcNow)
            {
                await Task.Delay(due - DateTime.UtcNow);
            }

            var candidate = new SimulatedCandidate(i, options, stats, http);
            candidates.Add(candidate);
            await connecting.WaitAsync();
            connects.Add(ConnectAsync(candidate, wheel, stats, connecting));
        }

        await Task.WhenAll(connects);
        Console.WriteLine($"[{options.Target}] {stats.Connected} connected; warming up {options.Warmup.TotalSeconds:0} s");
        await Task.Delay(options.Warmup);

        // The measurement window.
        stats.ResetWindow();
        await http.PostAsync(new Uri(options.Emulator, "bench/reset"), null);
        var windowStart = await ScrapeAllAsync(http);
        var cpuStart = SampleCpu();
        var started = DateTime.UtcNow;
        await Task.Delay(options.Duration);
        var cpuEnd = SampleCpu();
        var elapsed = (DateTime.UtcNow - started).TotalSeconds;
        var alive = candidates.Count(c => c.Alive);
        var framesSent = stats.FramesSent;
        var audioFrames = stats.AudioFrames;
        var tap = await ReadTapAsync(http, stats);
        var loaded = await ScrapeAllAsync(http);
        var rss = options.Pids.ToDictionary(p => p.Key, p => ProcessSampler.RssBytes(p.Value));

        await Task.WhenAll(candidates.Select(c => c.CloseAsync()));
        var cpu = cpuEnd.ToDictionary(p => p.Key, p => p.Value - cpuStart[p.Key]);
        var sutCpu = cpu.Where(p => SutProcesses.Contains(p.Key)).Sum(p => p.Value);
        var sutScrapes = loaded.Where(s => s.Key is "gateway" or "silo").ToList();
        var sutAllocated = sutScrapes.Sum(s => s.Value.AllocatedBytes - (Scraped(windowStart, s.Key)?.AllocatedBytes ?? 0));
        return new PhaseResult
        {
            Target = options.Target.ToString().ToLowerInvariant(),
            Sessions = options.Sessions,
            Connected = stats.Connected,
            AliveAtEnd = alive,
            DurationSeconds = elapsed,
            FramesInPerSecond = framesSent / elapsed,
            FramesOutPerSecond = audioFrames / elapsed,
            FramesSent = framesSent,
            FramesArrived = tap?.StampedAppends ?? 0,
            FramesSkipped = stats.FramesSkipped,
            InP50Ms = tap?.P50Ms ?? double.NaN,
            InP95Ms = tap?.P95Ms ?? double.NaN,
            InP99Ms = tap?.P99Ms ?? double.NaN,
            OutP50Ms = stats.Out.PercentileMs(50),
            OutP95Ms = stats.Out.PercentileMs(95),
            OutP99Ms = stats.Out.PercentileMs(99),
            OutSamples = stats.Out.Count,
            StartP50Ms = stats.Start.PercentileMs(50),
            StartP99Ms = stats.Start.PercentileMs(99),
            ActivationMeanMs = Scraped(loaded, "silo")?.MeanMs("synchire_grain_activation_seconds") ?? double.NaN,
            ActivationP99BucketMs = Scraped(loaded, "silo")?.BucketPercentileMs("synchire_grain_activation_seconds", 99) ?? double.NaN,
            ProviderFirstAudioMeanMs = Scraped(loaded, "silo")?.MeanMs("synchire_provider_first_audio_seconds") ?? double.NaN,
            Errors = stats.ErrorCount,
            ErrorKinds = string.Join(' ', stats.Errors.Select(e => $"{e.Key}={e.Value}")),
            ReconnectNotices = stats.ReconnectNotices,
            CpuSeconds = cpu,
            RssBytes = rss,
            ManagedBytesPerSession = sutScrapes.ToDictionary(
                s => s.Key, s => alive > 0 ? (s.Value.ManagedHeapBytes - (Scraped(idle, s.Key)?.ManagedHeapBytes ?? 0)) / alive : double.NaN),
            SutCpuMicrosPerFrame = framesSent + audioFrames > 0 ? sutCpu * 1e6 / (framesSent + audioFrames) : double.NaN,
            LoadGenCpuShare = cpu.GetValueOrDefault("loadgen") / (elapsed * Environment.ProcessorCount),
            AllocatedBytesPerFrame = sutScrapes.Count > 0 && framesSent + audioFrames > 0 ? sutAllocated / (framesSent + audioFrames) : double.NaN,
        };
    }

    private static async Task ConnectAsync(SimulatedCandidate candidate, TimerWheel wheel, PhaseStats stats, SemaphoreSlim connecting)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await candidate.ConnectAsync(timeout.Token);
            wheel.Add(candidate);
        }
        catch (Exception e)
        {
            stats.Error("connect_failed");
            stats.SessionFailed();
            Console.Error.WriteLine($"connect failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            connecting.Release();
        }
    }

    private Dictionary<string, double> SampleCpu()
    {
        var cpu = options.Pids.ToDictionary(p => p.Key, p => ProcessSampler.CpuSeconds(p.Value));
        cpu["loadgen"] = ProcessSampler.CpuSeconds(Environment.ProcessId);
        return cpu;
    }

    private async Task<Dictionary<string, MetricsScrape>> ScrapeAllAsync(HttpClient http)
    {
        var scrapes = new Dictionary<string, MetricsScrape>();
        foreach (var (name, url) in options.Metrics)
        {
            if (await MetricsScrape.TryReadAsync(http, url) is { } scrape)
            {
                scrapes[name] = scrape;
            }
        }

        return scrapes;
    }

    /// <summary>
    /// The emulator tap's figures. On a saturated machine even the emulator may not answer in time: that run is
    /// overloaded, which the report must say (as an error, so the count is not "sustained") rather than abort.
    /// </summary>
    private async Task<TapReport> ReadTapAsync(HttpClient http, PhaseStats stats)
    {
        try
        {
            return (await http.GetFromJsonAsync<TapReport>(new Uri(options.Emulator, "bench/stats"), BenchJson.Options))!;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            stats.Error("overloaded_no_tap_stats");
            return new TapReport(0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
    }

    /// <summary>The silo's scrape, or the single-node process's (it hosts the grains too).</summary>
    private static MetricsScrape? Scraped(Dictionary<string, MetricsScrape> scrapes, string name) =>
        scrapes.GetValueOrDefault(name) ?? (name == "silo" ? scrapes.GetValueOrDefault("gateway") : null);
}

/// <summary>The emulator tap's answer to GET /bench/stats.</summary>
public sealed record TapReport(long Sessions, long Appends, long StampedAppends, long StampedDeltas, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
