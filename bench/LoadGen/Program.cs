using SyncHire.Bench.LoadGen;

// The benchmark's simulated candidates.
//   SyncHire.Bench.LoadGen run --target synchire|peer|direct --url … --emulator … --sessions N --ramp S --warmup S
//                              --duration S --pids gateway=PID,silo=PID,peer=PID,emulator=PID --metrics gateway=URL,silo=URL
//                              --results results.jsonl
//   SyncHire.Bench.LoadGen compare results.jsonl [--bound-ms 20]
//   SyncHire.Bench.LoadGen chaos --gateway-dll PATH [--processes 3] [--interviews 30]   (co-hosted gateway + silo processes)
switch (args.FirstOrDefault())
{
    case "run":
        var options = BenchOptions.Parse(args[1..]);
        var result = await new BenchmarkPhase(options).RunAsync();
        Report.Print(result);
        if (options.ResultsFile is { } file)
        {
            Report.Append(file, result);
        }

        return 0;
    case "compare" when args.Length >= 2:
        var bound = args.SkipWhile(a => a != "--bound-ms").Skip(1).Select(double.Parse).DefaultIfEmpty(20).First();
        Report.Compare(args[1], bound);
        return 0;
    case "chaos":
        var chaos = SyncHire.Bench.LoadGen.Chaos.ChaosCommand.Parse(args[1..]);
        await using (var run = new SyncHire.Bench.LoadGen.Chaos.ChaosRun(chaos, Console.Out))
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var report = await run.RunAsync(limit.Token);
            Console.WriteLine(report);
            return report.TurnsLost == 0 && report.FailedInterviews == 0 ? 0 : 1;
        }

    default:
        Console.Error.WriteLine("usage: SyncHire.Bench.LoadGen run … | compare RESULTS.jsonl [--bound-ms 20]");
        return 2;
}
