namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>The "type" values the server sends. The seeds/004 names are kept as written; the rest extend them.</summary>
public static class ServerEventTypes
{
    public const string SessionReady = "session_ready";
    public const string Resumed = "resumed";
    public const string Thinking = "thinking";
    public const string ThinkingComplete = "thinking_complete";
    public const string AiAudioChunk = "ai_audio_chunk";
    public const string AiResponseComplete = "ai_response_complete";
    public const string Transcript = "transcript";
    public const string SpeechStarted = "speech_started";
    public const string SpeechStopped = "speech_stopped";
    public const string QuestionProgress = "question_progress";
    public const string TimeWarning = "time_warning";
    public const string Interrupted = "interrupted";
    public const string Notice = "notice";
    public const string Reconnecting = "reconnecting";
    public const string InterviewEnded = "interview_ended";
    public const string Error = "error";
    public const string Pong = "pong";
}
