using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>
/// Server → client events as UTF-8 JSON text frames: a "type", snake_case fields, and a "timestamp" (ISO 8601 UTC)
/// on every event. <paramref name="at"/> defaults to the wall clock; the grain passes its own clock so tests that
/// move time see consistent stamps.
/// </summary>
/// <remarks>
/// Question indexes on the wire are 1-based ("question 2 of 5"), 0 before the first question, everywhere:
/// session_ready, resumed, transcript and question_progress. State and snapshots keep zero-based indexes.
/// </remarks>
public static class ServerEvents
{
    public const string ThinkingMessage = "Let me consider your response...";

    // Frames go to WebSocket clients, never into HTML, so apostrophes and accents stay readable instead of \uXXXX.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] SessionReady(string interviewId, InterviewStatus status, int questionIndex, int questionCount,
        int maxDurationSeconds, DateTimeOffset? startedAt, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.SessionReady, at, writer =>
        {
            writer.WriteString("interview_id", interviewId);
            writer.WriteString("status", StatusName(status));
            writer.WriteNumber("question_index", questionIndex);
            writer.WriteNumber("question_count", questionCount);
            writer.WriteNumber("max_duration_seconds", maxDurationSeconds);
            if (startedAt is { } started)
            {
                writer.WriteString("started_at", FormatTime(started));
            }
            else
            {
                writer.WriteNull("started_at");
            }

            writer.WriteNumber("input_sample_rate", ProtocolLimits.InputSampleRate);
            writer.WriteNumber("output_sample_rate", ProtocolLimits.OutputSampleRate);
        });

    public static byte[] Resumed(InterviewStatus status, int questionIndex, int questionCount, double elapsedSeconds,
        IReadOnlyList<TranscriptTurn> transcript, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Resumed, at, writer =>
        {
            writer.WriteString("status", StatusName(status));
            writer.WriteNumber("question_index", questionIndex);
            writer.WriteNumber("question_count", questionCount);
            writer.WriteNumber("elapsed_seconds", Math.Round(elapsedSeconds, 3));
            writer.WriteStartArray("transcript");
            foreach (var turn in transcript)
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", turn.Sequence);
                writer.WriteString("speaker", turn.Speaker);
                writer.WriteString("text", turn.Text);
                writer.WriteNumber("start_ms", turn.StartMs);
                writer.WriteNumber("end_ms", turn.EndMs);
                WriteQuestionIndex(writer, turn.QuestionIndex);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    public static byte[] Thinking(DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Thinking, at, writer => writer.WriteString("message", ThinkingMessage));

    public static byte[] ThinkingComplete(DateTimeOffset? at = null) => Write(ServerEventTypes.ThinkingComplete, at);

    /// <summary>Precedes one binary frame of interviewer audio; <paramref name="amplitude"/> drives the visualiser.</summary>
    public static byte[] AiAudioChunk(double amplitude, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.AiAudioChunk, at,
            writer => writer.WriteNumber("amplitude", Math.Round(Math.Clamp(amplitude, 0, 1), 4)));

    public static byte[] AiResponseComplete(string text, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.AiResponseComplete, at, writer => writer.WriteString("text", text));

    /// <param name="sequence">Set on final turns only: the turn's place in the persisted transcript.</param>
    /// <param name="questionIndex">Zero-based, as stored; written 1-based.</param>
    public static byte[] Transcript(string speaker, string text, bool final, int? sequence = null, int? questionIndex = null,
        DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Transcript, at, writer =>
        {
            writer.WriteString("speaker", speaker);
            writer.WriteString("text", text);
            writer.WriteBoolean("final", final);
            if (sequence is { } value)
            {
                writer.WriteNumber("sequence", value);
            }

            WriteQuestionIndex(writer, questionIndex);
        });

    public static byte[] SpeechStarted(DateTimeOffset? at = null) => Write(ServerEventTypes.SpeechStarted, at);

    public static byte[] SpeechStopped(DateTimeOffset? at = null) => Write(ServerEventTypes.SpeechStopped, at);

    /// <param name="index">1-based.</param>
    public static byte[] QuestionProgress(int index, int total, string question, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.QuestionProgress, at, writer =>
        {
            writer.WriteNumber("index", index);
            writer.WriteNumber("total", total);
            writer.WriteString("question", question);
        });

    public static byte[] TimeWarning(int remainingSeconds, string message, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.TimeWarning, at, writer =>
        {
            writer.WriteNumber("remaining_seconds", remainingSeconds);
            writer.WriteString("message", message);
        });

    public static byte[] Interrupted(DateTimeOffset? at = null) => Write(ServerEventTypes.Interrupted, at);

    public static byte[] Notice(string message, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Notice, at, writer => writer.WriteString("message", message));

    /// <summary>Sent by the gateway before it closes with 1012: reconnect and the interview resumes.</summary>
    public static byte[] Reconnecting(string reason, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Reconnecting, at, writer => writer.WriteString("reason", reason));

    public static byte[] InterviewEnded(string reason, int transcriptTurns, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.InterviewEnded, at, writer =>
        {
            writer.WriteString("reason", reason);
            writer.WriteNumber("transcript_turns", transcriptTurns);
        });

    /// <param name="code">One of <see cref="ErrorCodes"/>.</param>
    public static byte[] Error(string code, string message, DateTimeOffset? at = null) =>
        Write(ServerEventTypes.Error, at, writer =>
        {
            writer.WriteString("code", code);
            writer.WriteString("message", message);
        });

    public static byte[] Error(ProtocolError error, DateTimeOffset? at = null) => Error(error.Code, error.Message, at);

    public static byte[] Pong(DateTimeOffset? at = null) => Write(ServerEventTypes.Pong, at);

    /// <summary>The status as the protocol spells it: created, in_progress, completed.</summary>
    public static string StatusName(InterviewStatus status) => status switch
    {
        InterviewStatus.Created => "created",
        InterviewStatus.InProgress => "in_progress",
        InterviewStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown interview status."),
    };

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteQuestionIndex(Utf8JsonWriter writer, int? zeroBasedIndex)
    {
        if (zeroBasedIndex is { } index)
        {
            writer.WriteNumber("question_index", index + 1);
        }
    }

    /// <summary>
    /// Each thread's scratch buffer and writer, reset per event: some events go out several times a second per
    /// interview (ai_audio_chunk with every interviewer chunk, partial transcripts), and a fresh buffer, writer and
    /// timestamp string per event were most of their cost. The event's own array is the only allocation left.
    /// </summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    private static byte[] Write(string type, DateTimeOffset? at, Action<Utf8JsonWriter>? fields = null)
    {
        var (buffer, writer) = _scratch ??= CreateScratch();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("type", type);
        fields?.Invoke(writer);
        Span<byte> timestamp = stackalloc byte[TimestampLength];
        writer.WriteString("timestamp", FormatTimeUtf8(at ?? DateTimeOffset.UtcNow, timestamp));
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateScratch()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return (buffer, new Utf8JsonWriter(buffer, WriterOptions));
    }

    private const int TimestampLength = 24; // yyyy-MM-ddTHH:mm:ss.fffZ

    /// <summary><see cref="FormatTime"/> as UTF-8 into <paramref name="destination"/>, without a string.</summary>
    private static ReadOnlySpan<byte> FormatTimeUtf8(DateTimeOffset time, Span<byte> destination)
    {
        if (!time.UtcDateTime.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A timestamp did not fit its buffer.");
        }

        return destination[..written];
    }
}
