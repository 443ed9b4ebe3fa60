using System.Globalization;

namespace SyncHire.Bench.LoadGen;

/// <summary>CPU time and resident memory of a process, from /proc (Linux).</summary>
public static class ProcessSampler
{
    /// <summary>Kernel clock ticks per second (USER_HZ); 100 on every mainstream Linux.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds the process has used so far; NaN if it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Resident set size in bytes; NaN if the process is gone.</summary>
    public static double RssBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024.0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return double.NaN;
        }
    }
}
