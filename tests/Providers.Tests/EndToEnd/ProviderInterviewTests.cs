using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHire.Emulators;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Platform.Usage;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Pipeline;
using SyncHire.Testing;
using SyncHire.Testing.Candidates;

namespace SyncHire.Providers.Tests.EndToEnd;

/// <summary>
/// The same interview through the grain for each real provider adapter, each talking its provider's actual wire
/// protocol to a local emulator over loopback: greeting, a short answer that earns a follow-up, full answers,
/// the closing question, goodbye; then the transcript and the tool results as persisted.
/// </summary>
public sealed class ProviderInterviewTests : IAsyncLifetime
{
    private EmulatorServer _emulators = null!;

    public async ValueTask InitializeAsync() =>
        _emulators = await EmulatorServer.StartAsync(new EmulatorOptions(), EmulatorRoutes.MapAll);

    public async ValueTask DisposeAsync() => await _emulators.DisposeAsync();

    [Theory]
    [InlineData(OpenAIRealtimeProvider.ProviderName)]
    [InlineData(GeminiLiveProvider.ProviderName)]
    [InlineData(PipelineProvider.ProviderName)]
    public async Task A_whole_interview_runs_through_the_grain(string provider)
    {
        await using var cluster = await ProviderCluster.StartAsync(_emulators);
        var id = await ProviderCluster.CreateInterviewAsync(cluster, provider);
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);

        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        var greeting = await SpokenAsync(candidate);
        Assert.Contains("Ada Lovelace", greeting);
        Assert.Contains(ProviderCluster.Questions[0], greeting);
        Assert.Contains(candidate.Received, f => f.IsAudio && f.Audio.Length > 0);

        await SpeakAsync(candidate, TimeSpan.FromSeconds(1));
        Assert.Contains("more detail", await SpokenAsync(candidate));

        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
        Assert.Contains(ProviderCluster.Questions[1], await SpokenAsync(candidate));

        await SpeakAsync(candidate, TimeSpan.FromSeconds(3));
        Assert.Contains("Do you have any questions for me?", await SpokenAsync(candidate));

        await SpeakAsync(candidate, TimeSpan.FromSeconds(2.5));
        Assert.Equal("completed", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());

        var snapshot = (await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot())!;
        Assert.Equal(
            [Speakers.Interviewer, Speakers.Candidate, Speakers.Interviewer, Speakers.Candidate, Speakers.Interviewer,
             Speakers.Candidate, Speakers.Interviewer, Speakers.Candidate, Speakers.Interviewer],
            snapshot.Transcript.Select(t => t.Speaker));
        Assert.Contains("Goodbye", snapshot.Transcript[^1].Text);
        Assert.Equal([0, 1], await ProviderCluster.StoredAnswerIndexesAsync(cluster, id));
        await AssertTokensRecordedAsync(cluster, provider);
    }

    /// <summary>
    /// The interview's model tokens reached the ledger under its tenant, with audio apart where the provider speaks
    /// audio tokens: each response's audio out is counted at the provider's rate (OpenAI Realtime 20 a second, Gemini
    /// 32), rounded up once a response, so the tokens follow the audio the grain measured.
    /// </summary>
    private static async Task AssertTokensRecordedAsync(SyncHireTestCluster cluster, string provider)
    {
        var ledger = SyncHireTestCluster.ServicesOf(cluster.Silos[0]).GetRequiredService<IUsageLedger>();
        var usage = (await Eventually.Becomes(
            () => ledger.SumUsageAsync(ProviderCluster.Tenant, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), default),
            totals => totals.Any(t => t.Kind == UsageKinds.OutputTokens), "the interview's tokens in the ledger"))
            .ToDictionary(t => t.Kind, t => t.Amount);
        Assert.True(usage[UsageKinds.InputTokens] > usage[UsageKinds.OutputTokens], "every call reads the conversation so far");
        Assert.True(usage[UsageKinds.OutputTokens] > 0);
        var audioOutSeconds = usage[UsageKinds.AudioOutSeconds];
        switch (provider)
        {
            case PipelineProvider.ProviderName:
                // Chat completions are text; whisper-1 bills seconds and speech reports nothing: no audio tokens.
                Assert.DoesNotContain(UsageKinds.OutputAudioTokens, usage.Keys);
                Assert.DoesNotContain(UsageKinds.InputAudioTokens, usage.Keys);
                break;
            default:
                var rate = provider == OpenAIRealtimeProvider.ProviderName ? 20 : 32;
                Assert.InRange(usage[UsageKinds.OutputAudioTokens], rate * audioOutSeconds - 0.001, rate * audioOutSeconds + 20);
                Assert.True(usage[UsageKinds.InputAudioTokens] > 0, "the candidate's spoken answers");
                Assert.True(usage[UsageKinds.InputAudioTokens] < usage[UsageKinds.InputTokens]);
                break;
        }

        Assert.Empty(await ledger.SumUsageAsync("another-tenant", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), default));
    }

    /// <summary>Waits for the interviewer's next whole utterance.</summary>
    private static async Task<string> SpokenAsync(CandidateClient candidate) =>
        (await candidate.WaitForAsync("ai_response_complete")).GetProperty("text").GetString()!;

    /// <summary>The candidate speaks for <paramref name="speech"/>, then is silent long enough to end the turn.</summary>
    private static async Task SpeakAsync(CandidateClient candidate, TimeSpan speech)
    {
        foreach (var frame in TestAudio.Frames([.. TestAudio.Tone(speech, 300, 0.3), .. new byte[TestAudio.SampleRate * 2 * 3 / 2]]))
        {
            await candidate.SendAudioAsync(frame);
        }
    }
}
