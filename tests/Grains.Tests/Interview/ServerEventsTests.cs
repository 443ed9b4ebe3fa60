using System.Globalization;
using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class ServerEventsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 10, 20, 30, 123, TimeSpan.FromHours(2));

    private static JsonElement Read(byte[] utf8) => JsonDocument.Parse(utf8).RootElement.Clone();

    [Fact]
    public void Every_event_has_its_type_and_an_iso_utc_timestamp()
    {
        byte[][] events =
        [
            ServerEvents.SessionReady("i1", InterviewStatus.Created, 0, 5, 3600, null, At),
            ServerEvents.Resumed(InterviewStatus.InProgress, 1, 5, 12.5, [], At),
            ServerEvents.Thinking(At),
            ServerEvents.ThinkingComplete(At),
            ServerEvents.AiAudioChunk(0.5, At),
            ServerEvents.AiResponseComplete("Hello", At),
            ServerEvents.Transcript(Speakers.Interviewer, "Hel", false, at: At),
            ServerEvents.SpeechStarted(At),
            ServerEvents.SpeechStopped(At),
            ServerEvents.QuestionProgress(1, 5, "Why?", At),
            ServerEvents.TimeWarning(120, "Two minutes left", At),
            ServerEvents.Interrupted(At),
            ServerEvents.Notice("Reconnecting to the interviewer", At),
            ServerEvents.Reconnecting("silo going away", At),
            ServerEvents.InterviewEnded(EndReasons.Completed, 7, At),
            ServerEvents.Error(ErrorCodes.InvalidJson, "bad", At),
            ServerEvents.Pong(At),
        ];
        string[] types =
        [
            "session_ready", "resumed", "thinking", "thinking_complete", "ai_audio_chunk", "ai_response_complete", "transcript",
            "speech_started", "speech_stopped", "question_progress", "time_warning", "interrupted", "notice", "reconnecting",
            "interview_ended", "error", "pong",
        ];

        Assert.Equal(types, events.Select(e => Read(e).GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal("2025-03-04T08:20:30.123Z", Read(e).GetProperty("timestamp").GetString()));
    }

    [Fact]
    public void Timestamp_defaults_to_now()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var stamp = DateTimeOffset.Parse(Read(ServerEvents.Error("internal_error", "x")).GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);

        Assert.InRange(stamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void Seed_events_keep_their_fields()
    {
        Assert.Equal("Let me consider your response...", Read(ServerEvents.Thinking(At)).GetProperty("message").GetString());
        Assert.Equal(0.75, Read(ServerEvents.AiAudioChunk(0.75, At)).GetProperty("amplitude").GetDouble());
        Assert.Equal(1, Read(ServerEvents.AiAudioChunk(3, At)).GetProperty("amplitude").GetDouble());
        Assert.Equal("That's a great answer.", Read(ServerEvents.AiResponseComplete("That's a great answer.", At)).GetProperty("text").GetString());
        var error = Read(ServerEvents.Error(ErrorCodes.NotStarted, "Send start_interview first", At));
        Assert.Equal("not_started", error.GetProperty("code").GetString());
        Assert.Equal("Send start_interview first", error.GetProperty("message").GetString());
    }

    [Fact]
    public void Apostrophes_and_accents_are_not_escaped()
    {
        var json = System.Text.Encoding.UTF8.GetString(ServerEvents.AiResponseComplete("Let's talk, José", At));

        Assert.Contains("Let's talk, José", json);
    }

    [Fact]
    public void Session_ready_describes_the_session()
    {
        var started = At.AddMinutes(-3);
        var ready = Read(ServerEvents.SessionReady("abc", InterviewStatus.InProgress, 2, 5, 1800, started, At));

        Assert.Equal("abc", ready.GetProperty("interview_id").GetString());
        Assert.Equal("in_progress", ready.GetProperty("status").GetString());
        Assert.Equal(2, ready.GetProperty("question_index").GetInt32());
        Assert.Equal(5, ready.GetProperty("question_count").GetInt32());
        Assert.Equal(1800, ready.GetProperty("max_duration_seconds").GetInt32());
        Assert.Equal("2025-03-04T08:17:30.123Z", ready.GetProperty("started_at").GetString());
        Assert.Equal(16000, ready.GetProperty("input_sample_rate").GetInt32());
        Assert.Equal(24000, ready.GetProperty("output_sample_rate").GetInt32());
        Assert.Equal(JsonValueKind.Null,
            Read(ServerEvents.SessionReady("abc", InterviewStatus.Created, 0, 5, 1800, null, At)).GetProperty("started_at").ValueKind);
    }

    [Fact]
    public void Resumed_carries_the_transcript_with_one_based_question_indexes()
    {
        TranscriptTurn[] turns =
        [
            new(1, Speakers.Interviewer, "Hello, first question.", 0, 2100, 0),
            new(2, Speakers.Candidate, "My answer", 2500, 6000, 0),
            new(3, Speakers.Interviewer, "Before questions", 6100, 6500, null),
        ];

        var resumed = Read(ServerEvents.Resumed(InterviewStatus.InProgress, 1, 3, 65.25, turns, At));

        Assert.Equal(65.25, resumed.GetProperty("elapsed_seconds").GetDouble());
        var transcript = resumed.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(3, transcript.Count);
        Assert.Equal(2, transcript[1].GetProperty("sequence").GetInt32());
        Assert.Equal("candidate", transcript[1].GetProperty("speaker").GetString());
        Assert.Equal("My answer", transcript[1].GetProperty("text").GetString());
        Assert.Equal(2500, transcript[1].GetProperty("start_ms").GetInt64());
        Assert.Equal(6000, transcript[1].GetProperty("end_ms").GetInt64());
        Assert.Equal(1, transcript[1].GetProperty("question_index").GetInt32());
        Assert.False(transcript[2].TryGetProperty("question_index", out _));
    }

    [Fact]
    public void Transcript_has_a_sequence_only_when_final()
    {
        var partial = Read(ServerEvents.Transcript(Speakers.Candidate, "I think", false, at: At));
        var final = Read(ServerEvents.Transcript(Speakers.Interviewer, "Next question.", true, 4, 1, At));

        Assert.False(partial.GetProperty("final").GetBoolean());
        Assert.False(partial.TryGetProperty("sequence", out _));
        Assert.True(final.GetProperty("final").GetBoolean());
        Assert.Equal(4, final.GetProperty("sequence").GetInt32());
        Assert.Equal(2, final.GetProperty("question_index").GetInt32());
        Assert.Equal("interviewer", final.GetProperty("speaker").GetString());
    }

    [Fact]
    public void Ended_progress_warning_and_reconnecting_carry_their_fields()
    {
        var ended = Read(ServerEvents.InterviewEnded(EndReasons.TimeLimit, 9, At));
        Assert.Equal("time_limit", ended.GetProperty("reason").GetString());
        Assert.Equal(9, ended.GetProperty("transcript_turns").GetInt32());

        var progress = Read(ServerEvents.QuestionProgress(2, 5, "What is a trade-off?", At));
        Assert.Equal(2, progress.GetProperty("index").GetInt32());
        Assert.Equal(5, progress.GetProperty("total").GetInt32());
        Assert.Equal("What is a trade-off?", progress.GetProperty("question").GetString());

        var warning = Read(ServerEvents.TimeWarning(120, "About 2 minutes left.", At));
        Assert.Equal(120, warning.GetProperty("remaining_seconds").GetInt32());
        Assert.Equal("About 2 minutes left.", warning.GetProperty("message").GetString());

        Assert.Equal("silo restarting", Read(ServerEvents.Reconnecting("silo restarting", At)).GetProperty("reason").GetString());
    }
}
