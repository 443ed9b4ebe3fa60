using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>What the adapter's setup message tells the service, as the emulator received it.</summary>
public sealed class GeminiLiveSetupTests
{
    [Fact]
    public async Task Setup_asks_for_audio_in_the_default_voice_with_transcripts_tools_resumption_and_compression()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();

        var connection = Assert.Single(host.Emulator.Connections);
        Assert.Null(connection.ResumedFrom);
        var setup = connection.Setup;
        Assert.Equal("models/" + new GeminiLiveOptions().Model, setup.GetProperty("model").GetString());
        Assert.Equal(GeminiTestHost.Instructions, setup.GetProperty("systemInstruction").GetProperty("parts")[0].GetProperty("text").GetString());
        var generation = setup.GetProperty("generationConfig");
        Assert.Equal(["AUDIO"], generation.GetProperty("responseModalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Puck", generation.GetProperty("speechConfig").GetProperty("voiceConfig").GetProperty("prebuiltVoiceConfig").GetProperty("voiceName").GetString());
        Assert.Equal(JsonValueKind.Object, setup.GetProperty("inputAudioTranscription").ValueKind);
        Assert.Equal(JsonValueKind.Object, setup.GetProperty("outputAudioTranscription").ValueKind);
        Assert.False(setup.GetProperty("sessionResumption").TryGetProperty("handle", out _));
        Assert.Equal(JsonValueKind.Object, setup.GetProperty("contextWindowCompression").GetProperty("slidingWindow").ValueKind);
        Assert.False(setup.GetProperty("realtimeInputConfig").GetProperty("automaticActivityDetection").GetProperty("disabled").GetBoolean());

        var declarations = setup.GetProperty("tools")[0].GetProperty("functionDeclarations").EnumerateArray().ToList();
        Assert.Equal(InterviewTools.Definitions.Select(t => t.Name), declarations.Select(d => d.GetProperty("name").GetString()));
        var fetch = declarations[0].GetProperty("parameters");
        Assert.Equal("OBJECT", fetch.GetProperty("type").GetString());
        Assert.Equal(["role", "difficulty", "topic"], fetch.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var topic = fetch.GetProperty("properties").GetProperty("topic");
        Assert.Equal("STRING", topic.GetProperty("type").GetString());
        Assert.True(topic.GetProperty("nullable").GetBoolean());
        Assert.DoesNotContain("additionalProperties", connection.Setup.GetRawText());
    }

    [Fact]
    public async Task Interview_voice_model_and_push_to_talk_override_the_defaults()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync(voice: "Kore", model: "gemini-live-test",
            turnDetection: new TurnDetectionSettings(TurnDetectionMode.PushToTalk));

        var setup = Assert.Single(host.Emulator.Connections).Setup;
        Assert.Equal("models/gemini-live-test", setup.GetProperty("model").GetString());
        Assert.Equal("Kore", setup.GetProperty("generationConfig").GetProperty("speechConfig").GetProperty("voiceConfig")
            .GetProperty("prebuiltVoiceConfig").GetProperty("voiceName").GetString());
        Assert.True(setup.GetProperty("realtimeInputConfig").GetProperty("automaticActivityDetection").GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public void Json_schema_features_gemini_rejects_are_translated()
    {
        var storeAnswer = InterviewTools.Definitions.Single(t => t.Name == InterviewTools.StoreAnswer);

        var schema = GeminiSchema.FromJsonSchema(storeAnswer.ParametersJsonSchema);

        Assert.False(schema.ContainsKey("additionalProperties"));
        var score = schema["properties"]!["score"]!;
        Assert.Equal("NUMBER", score["type"]!.GetValue<string>());
        Assert.True(score["nullable"]!.GetValue<bool>());
        Assert.Equal(1, score["minimum"]!.GetValue<int>());
        Assert.Equal("STRING", schema["properties"]!["tags"]!["items"]!["type"]!.GetValue<string>());
    }
}
