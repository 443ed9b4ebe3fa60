using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Grains.Tests.Interview.Support;
using SyncHire.TestSupport;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

/// <summary>
/// The interview outlives its provider connection: lost sessions are reopened with the transcript so far, an
/// unreachable provider is replaced by the configured fallback, and only when nothing answers does the interview
/// end, as provider_unavailable, with everything persisted.
/// </summary>
public sealed class InterviewProviderResilienceTests
{
    private static readonly Dictionary<string, string?> FastReconnects = new()
    {
        ["Interviews:ProviderReconnectDelay"] = "00:00:00.010",
        ["Interviews:ProviderReconnectAttempts"] = "3",
    };

    private static async Task<(CandidateClient Candidate, ScriptedSession Session, IInterviewGrain Grain)> StartAsync(
        SyncHire.Testing.SyncHireTestCluster cluster, ScriptedProvider provider)
    {
        var (id, grain) = await InterviewCluster.CreateAsync(cluster, InterviewCluster.Definition() with { Provider = ScriptedProvider.ProviderName });
        var candidate = await CandidateClient.ConnectAsync(cluster, id);
        await candidate.SendJsonAsync("""{"type":"start_interview"}""");
        var session = await provider.NextSessionAsync();
        await session.NextCommandAsync("create");
        return (candidate, session, grain);
    }

    /// <summary>The interviewer greets and asks the first question; the candidate answers.</summary>
    private static async Task HaveOneExchangeAsync(CandidateClient candidate, ScriptedSession session)
    {
        session.Emit(new ResponseStarted(), new ToolCall("c1", InterviewTools.FetchNextQuestion, """{"role":"r","difficulty":"mid","topic":null}"""));
        await session.NextCommandAsync("tool:c1");
        session.Emit(new OutputTranscriptDelta("Hello Ada. Tell me about a system you designed.", true), new ResponseDone("Hello Ada."));
        await candidate.WaitForAsync("ai_response_complete");
        session.Emit(new SpeechStarted(TimeSpan.Zero), new SpeechStopped(TimeSpan.FromSeconds(3)), new InputTranscriptDelta("A payments ledger.", true));
        await candidate.WaitForAsync("transcript", e => e.GetProperty("speaker").GetString() == Speakers.Candidate && e.GetProperty("final").GetBoolean());
    }

    [Fact]
    public async Task A_dropped_session_is_reopened_with_the_transcript_and_the_candidate_is_told()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(settings: FastReconnects, extraProvider: provider);
        var (candidate, session, grain) = await StartAsync(cluster, provider);
        await using var _ = candidate;
        await HaveOneExchangeAsync(candidate, session);

        session.Emit(new ProviderError("server_error", "the model crashed", Fatal: true));

        Assert.Contains("Reconnecting", (await candidate.WaitForAsync("notice")).GetProperty("message").GetString());
        var second = await provider.NextSessionAsync();
        Assert.Equal(
            [(Speakers.Interviewer, "Hello Ada. Tell me about a system you designed."), (Speakers.Candidate, "A payments ledger.")],
            second.Options.History.Select(h => (h.Speaker, h.Text)));
        Assert.Equal(session.Options.Instructions, second.Options.Instructions);
        await second.NextCommandAsync("create");
        Assert.Contains("Reconnected", (await candidate.WaitForAsync("notice")).GetProperty("message").GetString());
        await session.NextCommandAsync("dispose");

        // The interview goes on with the new session; the old one's late events are ignored.
        session.Emit(new OutputTranscriptDelta("stale words", true));
        second.Emit(new ResponseStarted(), new OutputTranscriptDelta("Sorry, we got cut off. Go on.", true), new ResponseDone("Sorry, we got cut off."));
        await candidate.WaitForAsync("ai_response_complete");
        var snapshot = (await grain.GetSnapshot())!;
        Assert.Equal(InterviewStatus.InProgress, snapshot.Status);
        Assert.Equal(["Hello Ada. Tell me about a system you designed.", "A payments ledger.", "Sorry, we got cut off. Go on."],
            snapshot.Transcript.Select(t => t.Text));
    }

    [Fact]
    public async Task A_provider_that_hangs_up_is_reconnected_after_a_failed_attempt()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(settings: FastReconnects, extraProvider: provider);
        var (candidate, session, _) = await StartAsync(cluster, provider);
        await using var _ = candidate;

        provider.FailingConnections = 1;
        session.Hangup();

        var second = await provider.NextSessionAsync();
        await second.NextCommandAsync("create");
        Assert.Equal(3, provider.ConnectionAttempts);
    }

    [Fact]
    public async Task An_unreachable_provider_fails_over_to_the_fallback_and_the_interview_continues()
    {
        var provider = new ScriptedProvider();
        var settings = new Dictionary<string, string?>(FastReconnects) { ["Interviews:FallbackProvider"] = "offline" };
        await using var cluster = await InterviewCluster.StartAsync(settings: settings, extraProvider: provider);
        var (candidate, session, grain) = await StartAsync(cluster, provider);
        await using var _ = candidate;
        await HaveOneExchangeAsync(candidate, session);

        provider.FailingConnections = -1;
        session.Hangup();

        Assert.Contains("backup interviewer", (await candidate.WaitForAsync("notice", e => e.GetProperty("message").GetString()!.Contains("backup"))).GetProperty("message").GetString());
        // The offline interviewer picks up the conversation where it stood: the next question.
        var spoken = await candidate.WaitForAsync("ai_response_complete");
        Assert.Contains("How do you test code that talks to a database?", spoken.GetProperty("text").GetString());
        // The first reconnect tries the primary and, when it does not answer, the backup in the same attempt.
        Assert.Equal(1 + 1, provider.ConnectionAttempts);
        Assert.Equal(InterviewStatus.InProgress, (await grain.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task When_no_interviewer_can_be_reached_the_interview_ends_as_provider_unavailable_with_its_transcript()
    {
        var provider = new ScriptedProvider();
        await using var cluster = await InterviewCluster.StartAsync(settings: FastReconnects, extraProvider: provider);
        var (candidate, session, grain) = await StartAsync(cluster, provider);
        await using var _ = candidate;
        await HaveOneExchangeAsync(candidate, session);

        provider.FailingConnections = -1;
        session.Emit(new ProviderError("server_error", "gone", Fatal: true));

        Assert.Equal("provider_unavailable", (await candidate.WaitForAsync("interview_ended")).GetProperty("reason").GetString());
        Assert.Equal(1000, (await candidate.ReadUntilClosedAsync()).Code);
        var snapshot = (await grain.GetSnapshot())!;
        Assert.Equal(EndReasons.ProviderUnavailable, snapshot.EndReason);
        Assert.Equal(2, snapshot.Transcript.Count);
        Assert.Equal(1 + 3, provider.ConnectionAttempts);
    }

    [Fact]
    public async Task A_session_with_a_lifetime_is_rolled_over_at_the_next_quiet_moment_without_the_model_speaking()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z"));
        var provider = new ScriptedProvider { MaxSessionDuration = TimeSpan.FromMinutes(5) };
        await using var cluster = await InterviewCluster.StartAsync(time, FastReconnects, provider);
        var (candidate, session, grain) = await StartAsync(cluster, provider);
        await using var _ = candidate;
        await HaveOneExchangeAsync(candidate, session);

        time.Advance(TimeSpan.FromMinutes(6));
        // Not while the interviewer is mid-answer: only when it has finished and handed over to the candidate.
        session.Emit(new ResponseStarted(), new AudioDelta(new byte[4800]), new OutputTranscriptDelta("Thanks. Next: how do you test it?", true), new ResponseDone("Thanks."));
        await candidate.WaitForAsync("ai_response_complete");

        var fresh = await provider.NextSessionAsync();
        Assert.Equal(3, fresh.Options.History.Count);
        await session.NextCommandAsync("dispose");
        await candidate.SendAudioAsync(new byte[640]);
        Assert.Equal("audio:640", await fresh.NextCommandAsync("audio"));
        Assert.DoesNotContain("create", fresh.RecordedCommands);
        Assert.Equal(InterviewStatus.InProgress, (await grain.GetSnapshot())!.Status);
    }
}
