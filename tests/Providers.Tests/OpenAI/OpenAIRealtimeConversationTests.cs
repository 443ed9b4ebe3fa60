using System.Text.Json;
using SyncHire.Emulators.Shared;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers;
using SyncHire.Providers.Tests.OpenAI.Support;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>The OpenAI Realtime adapter against the emulated GA API over loopback: a conversation, turn by turn.</summary>
public sealed class OpenAIRealtimeConversationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Session_is_configured_before_the_first_response_with_the_interviews_settings()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        var provider = host.Provider(configure: o => o.MaxOutputTokens = 600);
        var options = RealtimeEmulatorHost.Interview(
            new TurnDetectionSettings(TurnDetectionMode.ServerVad, Threshold: 0.6, SilenceDurationMs: 400), voice: "verse", model: "gpt-realtime-mini");

        await using var session = await provider.ConnectAsync(options, CancellationToken.None);

        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        Assert.Equal("gpt-realtime-mini", recorded.Model);
        Assert.Equal("session.update", recorded.ClientEvents[0]);
        var config = Assert.Single(recorded.Updates);
        Assert.Equal(options.Instructions, config.Instructions);
        Assert.Equal("verse", config.Voice);
        Assert.Equal(["audio"], config.OutputModalities);
        Assert.Equal(("audio/pcm", 24_000), (config.InputFormat.Type, config.InputFormat.Rate));
        Assert.Equal(("audio/pcm", 24_000), (config.OutputFormat.Type, config.OutputFormat.Rate));
        // Threshold and silence from the interview; prefix padding from the configured default.
        Assert.Equal("server_vad", config.TurnDetection?.Type);
        Assert.Equal(0.6, config.TurnDetection!.Threshold, 3);
        Assert.Equal(300, config.TurnDetection.PrefixPaddingMs);
        Assert.Equal(400, config.TurnDetection.SilenceDurationMs);
        Assert.True(config.TurnDetection.CreateResponse && config.TurnDetection.InterruptResponse);
        Assert.Equal("gpt-4o-mini-transcribe", config.TranscriptionModel);
        Assert.Equal(600, config.MaxOutputTokens);
        Assert.Equal(InterviewTools.Definitions.Select(t => t.Name), config.ToolNames);
        Assert.Equal(
            JsonDocument.Parse(InterviewTools.Definitions[0].ParametersJsonSchema).RootElement.GetProperty("required").GetArrayLength(),
            JsonDocument.Parse(config.Tools[0].ParametersJson).RootElement.GetProperty("required").GetArrayLength());
    }

    [Fact]
    public async Task Configured_defaults_apply_when_the_interview_sets_nothing_and_push_to_talk_turns_detection_off()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();

        await using (await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None))
        {
        }

        await using (await host.Provider().ConnectAsync(
            RealtimeEmulatorHost.Interview(new TurnDetectionSettings(TurnDetectionMode.PushToTalk)), CancellationToken.None))
        {
        }

        var defaults = (await host.Recorder.SessionAsync(0, Timeout)).Current;
        Assert.Equal("alloy", defaults.Voice);
        Assert.Equal((0.5, 300, 200), (defaults.TurnDetection!.Threshold, defaults.TurnDetection.PrefixPaddingMs, defaults.TurnDetection.SilenceDurationMs));
        Assert.Null((await host.Recorder.SessionAsync(1, Timeout)).Current.TurnDetection);
    }

    [Fact]
    public async Task Greeting_fetches_the_first_question_then_speaks_it_as_24kHz_audio_with_a_transcript()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);

        await session.CreateResponseAsync(CancellationToken.None);
        var fetching = await events.UntilAsync<ResponseDone>();
        Assert.IsType<ResponseStarted>(fetching[0]);
        var fetch = Assert.Single(fetching.OfType<ToolCall>());
        Assert.Equal(InterviewTools.FetchNextQuestion, fetch.Name);
        Assert.Equal("mid", JsonDocument.Parse(fetch.ArgumentsJson).RootElement.GetProperty("difficulty").GetString());
        Assert.DoesNotContain(fetching, e => e is AudioDelta);

        await session.SendToolResultAsync(fetch.CallId, InterviewSteps.Question("q1", 0, InterviewSteps.FirstQuestion), CancellationToken.None);
        var greeting = await events.UntilAsync<ResponseDone>();

        Assert.IsType<ResponseStarted>(greeting[0]);
        var final = Assert.Single(greeting.OfType<OutputTranscriptDelta>(), t => t.IsFinal);
        Assert.Equal($"Hello {RealtimeEmulatorHost.CandidateName}, welcome to your interview. Let's begin. {InterviewSteps.FirstQuestion}", final.Text);
        Assert.Equal(final.Text, string.Concat(greeting.OfType<OutputTranscriptDelta>().Where(t => !t.IsFinal).Select(t => t.Text)));
        // Every sample the emulated voice produced for the text arrives, at 24 kHz.
        Assert.Equal(EmulatedSpeech.Synthesize(final.Text, 24_000).Length, greeting.OfType<AudioDelta>().Sum(a => a.Pcm16Mono24k.Length));
        var done = Assert.IsType<ResponseDone>(greeting[^1]);
        Assert.Equal(final.Text, done.Text);
        Assert.False(done.Cancelled);
    }

    [Fact]
    public async Task Spoken_answer_at_16kHz_is_detected_by_server_VAD_transcribed_and_stored()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        await InterviewSteps.GreetAsync(session, events);

        foreach (var frame in TestAudio.Frames(TestAudio.ToneThenSilence(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(1))))
        {
            await session.SendAudioAsync(frame, CancellationToken.None);
        }

        var heard = await events.UntilAsync<ToolCall>();
        var started = Assert.Single(heard.OfType<SpeechStarted>());
        var stopped = Assert.Single(heard.OfType<SpeechStopped>());
        Assert.Equal(TimeSpan.Zero, started.AudioOffset); // Speech from the first frame, less 300 ms prefix padding, floors at 0.
        // The tone ends at 2.5 s and the turn 200 ms of silence later: the 16 kHz audio reached the server at 24 kHz without drift.
        Assert.InRange(stopped.AudioOffset.TotalMilliseconds, 2_680, 2_740);
        var transcript = Assert.Single(heard.OfType<InputTranscriptDelta>(), t => t.IsFinal);
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(2.5)), transcript.Text);
        Assert.Equal(transcript.Text, string.Concat(heard.OfType<InputTranscriptDelta>().Where(t => !t.IsFinal).Select(t => t.Text)));
        var store = Assert.IsType<ToolCall>(heard[^1]);
        Assert.Equal(InterviewTools.StoreAnswer, store.Name);
        var arguments = JsonDocument.Parse(store.ArgumentsJson).RootElement;
        Assert.Equal("q1", arguments.GetProperty("question_id").GetString());
        Assert.Equal(transcript.Text, arguments.GetProperty("transcript").GetString());
        Assert.True(heard.IndexOf(stopped) < heard.IndexOf(transcript));
    }

    [Fact]
    public async Task Push_to_talk_turn_ends_only_when_committed()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(
            RealtimeEmulatorHost.Interview(new TurnDetectionSettings(TurnDetectionMode.PushToTalk)), CancellationToken.None);
        var events = new EventLog(session);
        await InterviewSteps.GreetAsync(session, events);

        foreach (var frame in TestAudio.Frames(TestAudio.ToneThenSilence(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1))))
        {
            await session.SendAudioAsync(frame, CancellationToken.None);
        }

        await session.CommitTurnAsync(CancellationToken.None);

        var heard = await events.UntilAsync<ToolCall>();
        Assert.DoesNotContain(heard, e => e is SpeechStarted or SpeechStopped);
        var transcript = Assert.Single(heard.OfType<InputTranscriptDelta>(), t => t.IsFinal);
        Assert.Equal(EmulatedSpeech.Transcribe(TimeSpan.FromSeconds(3)), transcript.Text);
        Assert.Equal(InterviewTools.StoreAnswer, ((ToolCall)heard[^1]).Name);
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        Assert.Single(recorded.ClientEvents, e => e == "input_audio_buffer.commit");
    }

    [Fact]
    public async Task Commit_without_audio_asks_nothing_of_the_model()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(
            RealtimeEmulatorHost.Interview(new TurnDetectionSettings(TurnDetectionMode.PushToTalk)), CancellationToken.None);
        var events = new EventLog(session);
        await InterviewSteps.GreetAsync(session, events);

        await session.CommitTurnAsync(CancellationToken.None);
        await session.SendTextAsync("Fine.", CancellationToken.None);

        await events.NextAsync<ToolCall>();
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        Assert.DoesNotContain("input_audio_buffer.commit", recorded.ClientEvents);
        Assert.DoesNotContain(events.All, e => e is ProviderError);
    }

    [Fact]
    public async Task Typed_answer_becomes_a_user_text_item_and_is_stored_verbatim()
    {
        const string answer = "I led the migration of our billing database to PostgreSQL and halved the costs.";
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        await InterviewSteps.GreetAsync(session, events);

        await session.SendTextAsync(answer, CancellationToken.None);

        var store = await events.NextAsync<ToolCall>();
        Assert.Equal(InterviewTools.StoreAnswer, store.Name);
        Assert.Equal(answer, JsonDocument.Parse(store.ArgumentsJson).RootElement.GetProperty("transcript").GetString());
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        Assert.Contains(new ConversationItem.UserMessage(answer), recorded.Conversation);
    }

    [Fact]
    public async Task Barge_in_cancels_the_response_drops_its_remaining_audio_and_truncates_what_was_heard()
    {
        // Real-time pacing keeps the greeting on the wire for seconds, so the cancel reaches a response in progress.
        await using var host = await RealtimeEmulatorHost.StartAsync(realTimeAudio: true);
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        await session.CreateResponseAsync(CancellationToken.None);
        var fetch = await events.NextAsync<ToolCall>();
        await session.SendToolResultAsync(fetch.CallId, InterviewSteps.Question("q1", 0, InterviewSteps.FirstQuestion), CancellationToken.None);
        await events.NextAsync<ResponseDone>();
        await events.NextAsync<AudioDelta>();

        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(80), CancellationToken.None);

        var rest = await events.UntilAsync<ResponseDone>();
        Assert.True(((ResponseDone)rest[^1]).Cancelled);
        Assert.DoesNotContain(rest, e => e is AudioDelta || e is OutputTranscriptDelta { IsFinal: true });
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Truncations.Count == 1 && r.Responses.Count == 2, Timeout);
        var truncation = recorded.Truncations[0];
        Assert.Equal((0, 80), (truncation.ContentIndex, truncation.AudioEndMs));
        var greeting = recorded.Responses[1];
        Assert.Equal(("cancelled", "client_cancelled"), (greeting.Status, greeting.Reason));
        // The model remembers saying only the words that were heard.
        Assert.Contains(recorded.Conversation, i => i is ConversationItem.AssistantMessage { Text: "Hello" });
    }

    [Fact]
    public async Task Barge_in_after_the_server_finished_generating_still_silences_the_queued_audio_and_truncates()
    {
        // Without pacing the whole greeting is on the socket at once, as when the real model outruns playback.
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        await session.CreateResponseAsync(CancellationToken.None);
        var fetch = await events.NextAsync<ToolCall>();
        await session.SendToolResultAsync(fetch.CallId, InterviewSteps.Question("q1", 0, InterviewSteps.FirstQuestion), CancellationToken.None);
        await events.NextAsync<ResponseDone>();
        await events.NextAsync<AudioDelta>();
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Responses.Count == 2, Timeout);

        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(1_500), CancellationToken.None);

        var rest = await events.UntilAsync<ResponseDone>();
        Assert.True(((ResponseDone)rest[^1]).Cancelled);
        Assert.DoesNotContain(rest, e => e is AudioDelta or ProviderError || e is OutputTranscriptDelta { IsFinal: true });
        // Only one 100 ms chunk was read before the cancel, so that is all the candidate can have heard.
        await recorded.WaitForAsync(r => r.Truncations.Count == 1, Timeout);
        Assert.Equal(100, recorded.Truncations[0].AudioEndMs);
        Assert.Equal("completed", recorded.Responses[1].Status);
    }

    [Fact]
    public async Task Candidate_speaking_over_the_interviewer_is_interrupted_by_server_VAD_and_the_late_cancel_is_harmless()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync(realTimeAudio: true);
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);
        var events = new EventLog(session);
        await session.CreateResponseAsync(CancellationToken.None);
        var fetch = await events.NextAsync<ToolCall>();
        await session.SendToolResultAsync(fetch.CallId, InterviewSteps.Question("q1", 0, InterviewSteps.FirstQuestion), CancellationToken.None);
        await events.NextAsync<ResponseDone>();
        await events.NextAsync<AudioDelta>();

        foreach (var frame in TestAudio.Frames(TestAudio.ToneThenSilence(TimeSpan.FromSeconds(0.5), TimeSpan.Zero)))
        {
            await session.SendAudioAsync(frame, CancellationToken.None);
        }

        await events.NextAsync<SpeechStarted>();
        // What the grain does on SpeechStarted: cancel (the server already did) and truncate at what was played.
        await session.CancelResponseAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var rest = await events.UntilAsync<ResponseDone>();

        Assert.True(((ResponseDone)rest[^1]).Cancelled);
        Assert.DoesNotContain(rest, e => e is AudioDelta or ProviderError);
        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Truncations.Count == 1 && r.Responses.Count == 2, Timeout);
        Assert.Equal(("cancelled", "turn_detected"), (recorded.Responses[1].Status, recorded.Responses[1].Reason));
        Assert.Equal(50, recorded.Truncations[0].AudioEndMs);
    }

    [Fact]
    public async Task History_seeds_a_new_session_so_the_model_continues_where_the_last_one_stopped()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        HistoryTurn[] history =
        [
            new(Speakers.Interviewer, "Hello Ada, welcome. Tell me about a hard bug you fixed."),
            new(Speakers.Candidate, "A race in our cache invalidation that only showed under load."),
        ];

        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(history: history), CancellationToken.None);

        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Conversation.Count == 2, Timeout);
        Assert.Equal(
            [new ConversationItem.AssistantMessage(history[0].Text), new ConversationItem.UserMessage(history[1].Text)],
            recorded.Conversation);
        Assert.DoesNotContain("response.create", recorded.ClientEvents);
    }

    [Fact]
    public async Task Updated_instructions_reach_the_session()
    {
        await using var host = await RealtimeEmulatorHost.StartAsync();
        await using var session = await host.Provider().ConnectAsync(RealtimeEmulatorHost.Interview(), CancellationToken.None);

        await session.UpdateInstructionsAsync("Wrap up: two minutes left.", CancellationToken.None);

        var recorded = await host.Recorder.SessionAsync(0, Timeout);
        await recorded.WaitForAsync(r => r.Updates.Count == 2, Timeout);
        Assert.Equal("Wrap up: two minutes left.", recorded.Current.Instructions);
        Assert.Equal("alloy", recorded.Current.Voice); // Only the instructions changed.
    }
}
