using Microsoft.Extensions.Options;
using SyncHire.Emulators.OpenAIHttp;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Providers;
using SyncHire.Providers.Pipeline;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// The OpenAI HTTP emulator on a loopback port and a pipeline provider pointed at it, configured as a deployment
/// would be (Providers:Pipeline), with retries fast enough for tests.
/// </summary>
internal sealed class PipelineTestHost : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Questions =
    [
        "Tell me about a system you designed and the trade-offs you made.",
        "How do you find the cause of a production incident?",
    ];

    public static readonly InterviewDefinition Definition = new()
    {
        CandidateName = "Ada Lovelace",
        JobTitle = "Backend Engineer",
        Questions = Questions,
    };

    private PipelineTestHost(EmulatorServer server, OpenAIHttpRequestLog log)
    {
        Server = server;
        Log = log;
    }

    public EmulatorServer Server { get; }

    /// <summary>What the emulator was asked.</summary>
    public OpenAIHttpRequestLog Log { get; }

    public Uri Endpoint => new(Server.BaseAddress, "v1");

    public static string Instructions => InterviewInstructions.Build(Definition, Questions);

    public static async Task<PipelineTestHost> StartAsync()
    {
        OpenAIHttpRequestLog? log = null;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = false }, (app, options) => log = OpenAIHttpEmulator.Map(app, options));
        return new PipelineTestHost(server, log!);
    }

    public PipelineProvider CreateProvider(string? apiKey = null, Action<PipelineProviderOptions>? configure = null)
    {
        var options = new PipelineProviderOptions
        {
            ApiKey = apiKey ?? Server.Options.ApiKey,
            Endpoint = Endpoint,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new(Options.Create(options));
    }

    public Task<IRealtimeSession> ConnectAsync(
        string? apiKey = null, TurnDetectionSettings? turnDetection = null, IReadOnlyList<HistoryTurn>? history = null,
        Action<PipelineProviderOptions>? configure = null) =>
        CreateProvider(apiKey, configure).ConnectAsync(
            new RealtimeSessionOptions(
                Instructions,
                new InterviewBrief(Definition.CandidateName, "Backend Engineer", "intermediate", Questions.Count),
                InterviewTools.Definitions,
                history ?? [],
                TurnDetection: turnDetection),
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
