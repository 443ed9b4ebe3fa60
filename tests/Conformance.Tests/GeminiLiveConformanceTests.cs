using System.Text.Json;
using SyncHire.Conformance.Tests.Infrastructure;
using SyncHire.Emulators.GeminiLive;
using SyncHire.Emulators.Shared;

namespace SyncHire.Conformance.Tests;

/// <summary>
/// The Gemini Live emulator driven by Google's own JavaScript client (@google/genai, clients/package.json) with its
/// default settings: only the base URL points at the emulator, as a user would set it.
/// </summary>
public sealed class GeminiLiveConformanceTests
{
    [Fact]
    public async Task The_official_client_with_its_defaults_holds_a_spoken_turn()
    {
        var paths = new RequestPaths();
        GeminiLiveEmulator? emulator = null;
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = false }, (app, options) =>
        {
            paths.Record(app);
            emulator = app.MapGeminiLive(options);
        });

        var turn = await OfficialClients.RunAsync("gemini-live-turn.mjs", [server.BaseAddress.ToString(), server.Options.ApiKey]);

        AssertSpokenTurn(turn, emulator!);
        TestContext.Current.SendDiagnosticMessage($"Live path used by the client: {paths.All.Single()}");
    }

    [Fact]
    public async Task An_ephemeral_token_minted_by_the_official_client_opens_a_constrained_session()
    {
        var paths = new RequestPaths();
        GeminiLiveEmulator? emulator = null;
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = false }, (app, options) =>
        {
            paths.Record(app);
            emulator = app.MapGeminiLive(options);
        });

        var turn = await OfficialClients.RunAsync("gemini-live-turn.mjs", [server.BaseAddress.ToString(), server.Options.ApiKey, "--ephemeral-token"]);

        AssertSpokenTurn(turn, emulator!);
        Assert.Collection(paths.All,
            mint => Assert.EndsWith(AuthTokensEndpoint.Path, mint),
            live => Assert.EndsWith("." + GeminiLiveRoute.ConstrainedMethod, live));
    }

    private static void AssertSpokenTurn(JsonElement turn, GeminiLiveEmulator emulator)
    {
        var kinds = turn.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "setupComplete", "serverContent", "sessionResumptionUpdate", "usageMetadata" }, kinds.ToHashSet());

        // The candidate was heard (input transcription) and answered with speech: at least half a second of 24 kHz PCM16.
        Assert.NotEmpty(turn.GetProperty("inputTranscript").GetString()!);
        Assert.NotEmpty(turn.GetProperty("outputTranscript").GetString()!);
        var audioBytes = turn.GetProperty("audioBytes").GetInt32();
        Assert.True(audioBytes >= GeminiLiveProtocol.OutputSampleRate, $"only {audioBytes} bytes of interviewer audio");
        Assert.Equal(0, audioBytes % 2);
        Assert.True(turn.GetProperty("totalTokenCount").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, turn.GetProperty("closedEarly").ValueKind);

        // The emulator saw the client's setup and can resume the conversation from the handle the client received.
        var connection = Assert.Single(emulator.Connections);
        Assert.Equal("models/gemini-2.5-flash-native-audio-preview-12-2025", connection.Setup.GetProperty("model").GetString());
        Assert.NotNull(emulator.ConversationAt(turn.GetProperty("resumptionHandle").GetString()!));
    }
}
