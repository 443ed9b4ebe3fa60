using System.Globalization;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen;

/// <summary>Prints a phase, and compares phases: added latency over the direct baseline, sessions sustained, ratios.</summary>
public static class Report
{
    public static void Print(PhaseResult r)
    {
        var i = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(i, $"""
            ── {r.Target} × {r.Sessions} sessions ({r.DurationSeconds:0} s measured) ──
              sessions        connected {r.Connected}, alive at end {r.AliveAtEnd}, errors {r.Errors} {r.ErrorKinds}, reconnect notices {r.ReconnectNotices}
              frames/s        in {r.FramesInPerSecond:0} (sent {r.FramesSent}, arrived at provider {r.FramesArrived}, skipped {r.FramesSkipped}), out {r.FramesOutPerSecond:0}
              latency in      p50 {r.InP50Ms:0.00} ms  p95 {r.InP95Ms:0.00} ms  p99 {r.InP99Ms:0.00} ms   (candidate send → provider arrival)
              latency out     p50 {r.OutP50Ms:0.00} ms  p95 {r.OutP95Ms:0.00} ms  p99 {r.OutP99Ms:0.00} ms   (provider send → candidate arrival, {r.OutSamples} frames)
              start           p50 {r.StartP50Ms:0} ms  p99 {r.StartP99Ms:0} ms   (create/connect → first interviewer audio byte)
              grain           activation mean {r.ActivationMeanMs:0.0} ms (p99 ≤ {r.ActivationP99BucketMs:0} ms), provider first audio mean {r.ProviderFirstAudioMeanMs:0} ms
              cpu s           {Join(r.CpuSeconds, v => v.ToString("0.00", i))}; system under test {r.SutCpuMicrosPerFrame:0.0} µs and {r.AllocatedBytesPerFrame:0} managed bytes allocated per relayed frame; load generator {r.LoadGenCpuShare:P0} of the machine
              per session     {Join(r.CpuSeconds.Where(c => c.Key is "gateway" or "silo" or "peer").ToDictionary(), v => (v / Math.Max(1, r.AliveAtEnd) * 60 / r.DurationSeconds).ToString("0.000", i) + " cpu-s/min")}; RSS {Join(r.RssBytes, v => (v / Math.Max(1, r.AliveAtEnd) / 1024).ToString("0", i) + " KiB")}; managed {Join(r.ManagedBytesPerSession, v => (v / 1024).ToString("0", i) + " KiB")}
            """));
    }

    public static void Append(string file, PhaseResult result) =>
        File.AppendAllText(file, JsonSerializer.Serialize(result, BenchJson.Options) + Environment.NewLine);

    /// <summary>
    /// Reads every phase of a run and prints, per target and session count, the latency each relay adds over the
    /// direct baseline at the same count; then the most sessions each sustained within the bound and the ratios.
    /// </summary>
    public static void Compare(string file, double boundMs)
    {
        var i = CultureInfo.InvariantCulture;
        var phases = File.ReadAllLines(file).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<PhaseResult>(l, BenchJson.Options)!).ToList();
        var baselines = phases.Where(p => p.Target == "direct").ToDictionary(p => p.Sessions);
        Console.WriteLine();
        Console.WriteLine($"Added latency = relay's percentile − direct baseline's percentile at the same session count; bound {boundMs} ms");
        Console.WriteLine("target    sessions  alive  in+p50  in+p95  in+p99  out+p50 out+p95 out+p99  µs cpu/frame  ok");
        var sustained = new Dictionary<string, int>();
        var cpuPerFrame = new Dictionary<string, double>();
        foreach (var p in phases.Where(p => p.Target != "direct").OrderBy(p => p.Target).ThenBy(p => p.Sessions))
        {
            var b = baselines.GetValueOrDefault(p.Sessions) ?? baselines.Values.OrderBy(d => Math.Abs(d.Sessions - p.Sessions)).FirstOrDefault();
            double Add(double raw, double? baseline) => Math.Max(0, raw - (baseline is { } x && !double.IsNaN(x) ? x : 0));
            var (in50, in95, in99) = (Add(p.InP50Ms, b?.InP50Ms), Add(p.InP95Ms, b?.InP95Ms), Add(p.InP99Ms, b?.InP99Ms));
            var (out50, out95, out99) = (Add(p.OutP50Ms, b?.OutP50Ms), Add(p.OutP95Ms, b?.OutP95Ms), Add(p.OutP99Ms, b?.OutP99Ms));
            var ok = p.AliveAtEnd == p.Sessions && p.Errors == 0 && in99 <= boundMs && out99 <= boundMs && p.OutSamples > 0;
            if (ok && p.Sessions > sustained.GetValueOrDefault(p.Target))
            {
                sustained[p.Target] = p.Sessions;
                cpuPerFrame[p.Target] = p.SutCpuMicrosPerFrame;
            }

            Console.WriteLine(string.Create(i,
                $"{p.Target,-9} {p.Sessions,8} {p.AliveAtEnd,6} {in50,7:0.00} {in95,7:0.00} {in99,7:0.00} {out50,7:0.00} {out95,7:0.00} {out99,7:0.00} {p.SutCpuMicrosPerFrame,13:0.0}  {(ok ? "yes" : "no")}"));
        }

        var ours = sustained.GetValueOrDefault("synchire");
        var peer = sustained.GetValueOrDefault("peer");
        var peerMaxTried = phases.Where(p => p.Target == "peer").Select(p => p.Sessions).DefaultIfEmpty(0).Max();
        var oursMaxTried = phases.Where(p => p.Target == "synchire").Select(p => p.Sessions).DefaultIfEmpty(0).Max();
        // A system that sustained every count tried may sustain more: the ratio is then a bound, not a measurement.
        var bound = (ours == oursMaxTried, peer == peerMaxTried) switch
        {
            (true, true) => " (both sustained every count tried: add larger counts)",
            (true, false) => " (a lower bound: synchire sustained every count tried)",
            (false, true) => " (an upper bound: the peer sustained every count tried)",
            _ => "",
        };
        var sessionRatio = peer > 0 ? string.Create(i, $"{(double)ours / peer:0.00}×{bound}") : "n/a (peer sustained none)";
        var cpuRatio = cpuPerFrame.TryGetValue("synchire", out var oc) && cpuPerFrame.TryGetValue("peer", out var pc) && pc > 0
            ? string.Create(i, $"{oc / pc:0.00}")
            : "n/a";
        Console.WriteLine();
        Console.WriteLine($"sessions sustained within {boundMs} ms p99 each way: synchire {ours}, peer {peer}; ratio {sessionRatio}");
        Console.WriteLine($"CPU per relayed frame at those counts: synchire/peer = {cpuRatio} (target ≤ 0.33)");
        var best = phases.Where(p => p.Target == "synchire" && p.Sessions == ours).FirstOrDefault();
        var managed = best?.ManagedBytesPerSession.Values.Sum() / 1024;
        Console.WriteLine(string.Create(i,
            $"SUMMARY synchire sustained {ours} sessions (target 1000) | peer {peer} | sessions ratio {sessionRatio} (target ≥ 2) | cpu/frame ratio {cpuRatio} (target ≤ 0.33) | managed {managed:0} KiB/session (target ≤ 256)"));
    }

    private static string Join(IDictionary<string, double> values, Func<double, string> format) =>
        string.Join(", ", values.Select(v => $"{v.Key} {format(v.Value)}"));
}
