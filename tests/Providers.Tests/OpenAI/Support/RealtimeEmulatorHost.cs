using Microsoft.Extensions.Options;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.OpenAI;

namespace SyncHire.Providers.Tests.OpenAI.Support;

/// <summary>The OpenAI Realtime emulator on a loopback port, and adapters pointed at it.</summary>
internal sealed class RealtimeEmulatorHost : IAsyncDisposable
{
    public const string CandidateName = "Ada Lovelace";

    private RealtimeEmulatorHost(EmulatorServer server) => Server = server;

    public EmulatorServer Server { get; }

    public OpenAIRealtimeRecorder Recorder => OpenAIRealtimeEmulator.Recorder(Server.Options);

    public static async Task<RealtimeEmulatorHost> StartAsync(bool realTimeAudio = false, OpenAIRealtimeEmulatorSettings? settings = null)
    {
        var options = new EmulatorOptions { RealTimeAudio = realTimeAudio };
        var server = await EmulatorServer.StartAsync(options, (app, o) => OpenAIRealtimeEmulator.Map(app, o, settings ?? new OpenAIRealtimeEmulatorSettings()));
        return new RealtimeEmulatorHost(server);
    }

    /// <summary>The adapter as configuration would build it, with the emulator's endpoint and (unless given) its key.</summary>
    public OpenAIRealtimeProvider Provider(string? apiKey = null, Action<OpenAIRealtimeOptions>? configure = null)
    {
        var options = new OpenAIRealtimeOptions
        {
            ApiKey = apiKey ?? Server.Options.ApiKey,
            Endpoint = new Uri(Server.BaseAddress, "v1").ToString(),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new OpenAIRealtimeProvider(Options.Create(options));
    }

    public static RealtimeSessionOptions Interview(
        TurnDetectionSettings? turnDetection = null, IReadOnlyList<HistoryTurn>? history = null, string? voice = null, string? model = null) =>
        new($"You are a friendly interviewer for the role of Backend Engineer. The candidate is {CandidateName}. " +
            "Call fetch_next_question before each question and store_answer after each answer.",
            new InterviewBrief(CandidateName, "Backend Engineer", "mid", 2),
            InterviewTools.Definitions,
            history ?? [],
            voice,
            model,
            turnDetection);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
