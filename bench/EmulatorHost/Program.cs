using SyncHire.Bench;
using SyncHire.Bench.EmulatorHost;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;

// dotnet SyncHire.Bench.EmulatorHost.dll --urls http://127.0.0.1:8090 [--audio-chunk-ms 100]
// The OpenAI Realtime emulator at /v1/realtime answering with audio in real time, plus the benchmark tap:
//   GET  /bench/stats  → input latency percentiles (stamp → arrival here), frames seen, audio deltas stamped
//   POST /bench/reset  → zero them (the load generator calls it after its warm-up)
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:8090";
var chunkMs = int.Parse(args.SkipWhile(a => a != "--audio-chunk-ms").Skip(1).FirstOrDefault() ?? "100", System.Globalization.CultureInfo.InvariantCulture);
var options = new EmulatorOptions { RealTimeAudio = true, AudioChunk = TimeSpan.FromMilliseconds(chunkMs) };
var stats = new TapStats();
await using var server = await EmulatorServer.StartAsync(options, (app, emulatorOptions) =>
{
    app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(OpenAIRealtimeEmulator.Path)
            && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpWebSocketFeature>() is { IsWebSocketRequest: true } feature)
        {
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpWebSocketFeature>(new TappedWebSocketFeature(feature, stats));
        }

        await next();
    });
    OpenAIRealtimeEmulator.Map(app, emulatorOptions);
    app.MapGet("/bench/stats", () => Results.Json(stats.Read(), BenchJson.Options));
    app.MapPost("/bench/reset", () =>
    {
        stats.Reset();
        return Results.NoContent();
    });
}, urls);
Console.WriteLine($"Benchmark emulator listening at {server.BaseAddress} (API key: {options.ApiKey}, audio chunk {chunkMs} ms)");
// Runs until SIGTERM or Ctrl+C: the host's console lifetime stops the app on either.
await server.App.WaitForShutdownAsync();
