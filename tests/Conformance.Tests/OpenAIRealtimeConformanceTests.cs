using SyncHire.Conformance.Tests.Infrastructure;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;

namespace SyncHire.Conformance.Tests;

/// <summary>
/// The OpenAI Realtime emulator driven by OpenAI's own Node client (openai, `OpenAIRealtimeWS` of the GA Realtime
/// API, clients/package.json) with its default settings. That client always opens wss:// whatever the base URL's
/// scheme, so the emulator serves TLS here with a throwaway certificate that node trusts through NODE_EXTRA_CA_CERTS.
/// </summary>
public sealed class OpenAIRealtimeConformanceTests
{
    [Fact]
    public async Task The_official_client_with_its_defaults_holds_a_spoken_turn()
    {
        using var certificate = EmulatorCertificate.CreateSelfSigned();
        var pem = EmulatorCertificate.WritePem(certificate, Path.Combine(Path.GetTempPath(), $"synchire-conformance-{Guid.NewGuid():N}.pem"));
        try
        {
            var options = new EmulatorOptions { RealTimeAudio = false };
            await using var server = await EmulatorServer.StartAsync(options, OpenAIRealtimeEmulator.Map, "https://127.0.0.1:0", certificate: certificate);

            var turn = await OfficialClients.RunAsync("openai-realtime-turn.mjs", [new Uri(server.BaseAddress, "v1").ToString(), options.ApiKey],
                new Dictionary<string, string?> { ["NODE_EXTRA_CA_CERTS"] = pem });

            var types = turn.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ToHashSet();
            Assert.Superset(new HashSet<string?>
            {
                "session.created", "session.updated", "input_audio_buffer.speech_started", "input_audio_buffer.committed",
                "conversation.item.input_audio_transcription.completed", "response.output_audio.delta",
                "response.output_audio_transcript.done", "response.done",
            }, types);
            Assert.Empty(turn.GetProperty("errors").EnumerateArray());
            Assert.NotEmpty(turn.GetProperty("inputTranscript").GetString()!);
            Assert.NotEmpty(turn.GetProperty("outputTranscript").GetString()!);
            var audioBytes = turn.GetProperty("audioBytes").GetInt32();
            Assert.True(audioBytes >= 24_000, $"only {audioBytes} bytes of interviewer audio");
            Assert.True(turn.GetProperty("totalTokens").GetInt32() > 0);

            // The session the emulator served is the client's: its model, and the GA session.update it sent.
            var session = Assert.Single(OpenAIRealtimeEmulator.Recorder(options).Sessions);
            Assert.Equal("gpt-realtime", session.Model);
            Assert.Contains("session.update", session.ClientEvents);
            Assert.Contains("input_audio_buffer.append", session.ClientEvents);
        }
        finally
        {
            File.Delete(pem);
        }
    }
}
