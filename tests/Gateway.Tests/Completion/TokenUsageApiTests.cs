using System.Net;
using System.Net.Http.Headers;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>GET /api/usage with interviews that spend model tokens: OpenAI Realtime, emulated over loopback.</summary>
public sealed class TokenUsageApiTests
{
    [Fact]
    public async Task Usage_sums_the_model_tokens_the_provider_reported_for_the_tenants_interviews_by_kind()
    {
        const string otherKey = "shk_other-tenant-key-0123456789";
        using var timeout = TestTimeout.Start();
        await using var emulators = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = false }, OpenAIRealtimeEmulator.Map);
        await using var host = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BootstrapApiKeys"] = $"other={otherKey}",
            ["Interviews:DefaultProvider"] = "openai",
            ["Providers:OpenAI:ApiKey"] = emulators.Options.ApiKey,
            ["Providers:OpenAI:Endpoint"] = new Uri(emulators.BaseAddress, "v1").ToString(),
        });
        using var client = host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var id = await CompletedInterview.CreateAsync(client, timeout.Token);
            await CompletedInterview.TakeAsync(host, client, id, timeout.Token);
            await CompletedInterview.ReportAsync(client, id, timeout.Token); // Usage is recorded before the evaluation starts.
        }

        var (status, body) = await client.GetJsonAsync("api/usage", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        var amounts = body.GetProperty("usage").EnumerateArray().ToDictionary(u => u.GetProperty("kind").GetString()!, u => u.GetProperty("amount").GetDouble());
        // Exactly what every response.done of both interviews' sessions reported, summed per kind.
        var sessions = OpenAIRealtimeEmulator.Recorder(emulators.Options).Sessions;
        Assert.Equal(2, sessions.Count);
        var sent = sessions.SelectMany(s => s.Responses).Select(r => r.Usage).ToList();
        Assert.Equal(sent.Sum(u => u.InputTokens), amounts["input_tokens"]);
        Assert.Equal(sent.Sum(u => u.OutputTokens), amounts["output_tokens"]);
        Assert.Equal(sent.Sum(u => u.CachedTokens), amounts["cached_tokens"]);
        Assert.Equal(sent.Sum(u => u.OutputAudioTokens), amounts["output_audio_tokens"]);
        Assert.True(amounts["cached_tokens"] > 0, "each later response re-reads a cached prefix");
        Assert.True(amounts["output_audio_tokens"] > 0 && amounts["output_audio_tokens"] < amounts["output_tokens"]);
        // The answers were typed: no audio went in, so no audio-in kinds are listed rather than zeros.
        Assert.DoesNotContain("input_audio_tokens", amounts.Keys);
        Assert.DoesNotContain("cached_audio_tokens", amounts.Keys);
        Assert.True(amounts["audio_out_seconds"] > 2, "the audio kinds are still there beside the tokens");

        // The same tokens by the model that consumed them (here all the realtime model's: the answers were typed,
        // so no transcription model ran, and the offline evaluator uses none); audio seconds name no model.
        var byModel = body.GetProperty("byModel").EnumerateArray()
            .Select(u => (Kind: u.GetProperty("kind").GetString()!, Model: u.GetProperty("model").GetString()!, Amount: u.GetProperty("amount").GetDouble()))
            .ToList();
        Assert.All(byModel, u => Assert.Equal(new SyncHire.Providers.OpenAI.OpenAIRealtimeOptions().Model, u.Model));
        Assert.Equal(amounts.Keys.Where(k => k.EndsWith("_tokens", StringComparison.Ordinal)).Order(), byModel.Select(u => u.Kind).Order());
        Assert.All(byModel, u => Assert.Equal(amounts[u.Kind], u.Amount));

        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherKey);
        var (_, otherUsage) = await other.GetJsonAsync("api/usage", timeout.Token);
        Assert.Equal("other", otherUsage.GetProperty("tenantId").GetString());
        Assert.Equal(0, otherUsage.GetProperty("usage").GetArrayLength());
        Assert.Equal(0, otherUsage.GetProperty("byModel").GetArrayLength());
    }
}
