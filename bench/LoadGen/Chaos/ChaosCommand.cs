using System.Globalization;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>Command line of `chaos` (scripts/chaos.sh passes the built hosts' paths).</summary>
public static class ChaosCommand
{
    public static ChaosOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new ChaosOptions(
            Value("--silo-dll") ?? throw new ArgumentException("--silo-dll is required"),
            Value("--gateway-dll") ?? throw new ArgumentException("--gateway-dll is required"));
        return options with
        {
            Silos = Number("--silos", options.Silos),
            Gateways = Number("--gateways", options.Gateways),
            Interviews = Number("--interviews", options.Interviews),
        };
    }
}
