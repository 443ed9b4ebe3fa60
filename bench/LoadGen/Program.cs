using SyncHire.Bench.LoadGen;

// The benchmark's simulated candidates.
//   SyncHire.Bench.LoadGen run --target synchire|peer|direct --url … --emulator … --sessions N --ramp S --warmup S
//                              --duration S --pids gateway=PID,silo=PID,peer=PID,emulator=PID --metrics gateway=URL,silo=URL
//                              --results results.jsonl
//   SyncHire.Bench.LoadGen compare results.jsonl [--bound-ms 20]
//   SyncHire.Bench.LoadGen chaos …   (see ChaosDriver)
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
    default:
        Console.Error.WriteLine("usage: SyncHire.Bench.LoadGen run … | compare RESULTS.jsonl [--bound-ms 20]");
        return 2;
}
