using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Emulators.GeminiLive;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>The Gemini Live emulator on a loopback port and the real adapter pointed at it.</summary>
internal sealed class GeminiTestHost : IAsyncDisposable
{
    public const string Instructions = "You are a friendly technical interviewer. The candidate is Ada Lovelace; the role is Backend Engineer.";

    private GeminiTestHost(EmulatorServer server, GeminiLiveEmulator emulator, GeminiLiveOptions options)
    {
        Server = server;
        Emulator = emulator;
        Options = options;
        Provider = new GeminiLiveProvider(Microsoft.Extensions.Options.Options.Create(options), NullLogger<GeminiLiveProvider>.Instance);
    }

    public EmulatorServer Server { get; }

    public GeminiLiveEmulator Emulator { get; }

    public GeminiLiveOptions Options { get; }

    public GeminiLiveProvider Provider { get; }

    public EmulatorFaults Faults => Server.Faults;

    public static async Task<GeminiTestHost> StartAsync(string? apiKey = null, GeminiLiveEmulatorSettings? settings = null)
    {
        var emulatorOptions = new EmulatorOptions { RealTimeAudio = false };
        GeminiLiveEmulator? emulator = null;
        var server = await EmulatorServer.StartAsync(emulatorOptions,
            (app, options) => emulator = app.MapGeminiLive(options, settings ?? new GeminiLiveEmulatorSettings { MaxConnectionDuration = null }));
        var options = new GeminiLiveOptions
        {
            ApiKey = apiKey ?? emulatorOptions.ApiKey,
            Endpoint = server.WebSocketAddress("").ToString().TrimEnd('/'),
            ResumeBackoff = TimeSpan.FromMilliseconds(10),
        };
        return new GeminiTestHost(server, emulator!, options);
    }

    public async Task<IRealtimeSession> ConnectAsync(
        IReadOnlyList<HistoryTurn>? history = null, string? voice = null, string? model = null, TurnDetectionSettings? turnDetection = null) =>
        await Provider.ConnectAsync(
            new RealtimeSessionOptions(Instructions, new InterviewBrief("Ada Lovelace", "Backend Engineer", "mid", 3),
                InterviewTools.Definitions, history ?? [], voice, model, turnDetection),
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
