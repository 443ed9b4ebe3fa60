using System.Globalization;

namespace SyncHire.Bench.LoadGen;

/// <summary>Which system the simulated candidates talk to.</summary>
public enum Target
{
    /// <summary>SyncHire: REST create, then the gateway's candidate WebSocket; the grain talks to the emulator.</summary>
    SyncHire,

    /// <summary>The Node.js peer relay (bench/peer-relay): one upstream socket to the emulator per candidate.</summary>
    Peer,

    /// <summary>No relay: the load generator speaks the provider protocol to the emulator itself (the baseline).</summary>
    Direct,
}

/// <summary>Command line of one benchmark phase (see bench/README.md).</summary>
public sealed record BenchOptions
{
    public Target Target { get; init; } = Target.SyncHire;
    public Uri Url { get; init; } = new("http://127.0.0.1:5000");
    public Uri Emulator { get; init; } = new("http://127.0.0.1:8090");
    public int Sessions { get; init; } = 50;
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public double BoundMs { get; init; } = 20;
    public IReadOnlyDictionary<string, int> Pids { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, Uri> Metrics { get; init; } = new Dictionary<string, Uri>();
    public string? ResultsFile { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--target" => options with { Target = Enum.Parse<Target>(Next(), ignoreCase: true) },
                "--url" => options with { Url = new Uri(Next()) },
                "--emulator" => options with { Emulator = new Uri(Next()) },
                "--sessions" => options with { Sessions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--ramp" => options with { Ramp = Seconds(Next()) },
                "--warmup" => options with { Warmup = Seconds(Next()) },
                "--duration" => options with { Duration = Seconds(Next()) },
                "--bound-ms" => options with { BoundMs = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pids" => options with { Pids = Pairs(Next()).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture)) },
                "--metrics" => options with { Metrics = Pairs(Next()).ToDictionary(p => p.Key, p => new Uri(p.Value)) },
                "--results" => options with { ResultsFile = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));

    /// <summary>"gateway=123,silo=456" → pairs (an empty value is skipped).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Pairs(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[1].Length > 0)
            .Select(p => KeyValuePair.Create(p[0], p[1]));
}
