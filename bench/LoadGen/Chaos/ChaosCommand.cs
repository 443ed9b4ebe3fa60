using System.Globalization;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// Command line of `chaos` (scripts/chaos.sh passes the built host's path):
/// <c>chaos --gateway-dll PATH [--processes 3] [--interviews 30] [--interviews-after-join 9]</c>.
/// </summary>
public static class ChaosCommand
{
    public static ChaosOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new ChaosOptions(Value("--gateway-dll") ?? throw new ArgumentException("--gateway-dll is required"));
        options = options with
        {
            Processes = Number("--processes", options.Processes),
            Interviews = Number("--interviews", options.Interviews),
            InterviewsAfterJoin = Number("--interviews-after-join", options.InterviewsAfterJoin),
        };
        if (options.Processes < 2)
        {
            throw new ArgumentException("--processes must be at least 2: the interviews of the killed process need another to move to.");
        }

        return options;
    }
}
