using SyncHire.Emulators;
using SyncHire.Emulators.Shared;

// The emulators as a standalone server, for the offline demo and the benchmark:
//   dotnet run --project src/Emulators -- --urls http://127.0.0.1:8090 [--realtime]
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:8090";
var options = new EmulatorOptions { RealTimeAudio = args.Contains("--realtime") };
await using var server = await EmulatorServer.StartAsync(options, EmulatorRoutes.MapAll, urls);
Console.WriteLine($"Provider emulators listening at {server.BaseAddress} (API key: {options.ApiKey})");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
