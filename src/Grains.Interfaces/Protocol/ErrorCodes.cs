namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>The stable codes of the <c>error</c> event. Clients branch on them, so they never change meaning.</summary>
public static class ErrorCodes
{
    /// <summary>A text frame that is not a JSON object.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A JSON object whose "type" is not one the server knows.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A required field is absent or has the wrong JSON type.</summary>
    public const string MissingField = "missing_field";

    /// <summary>Audio that is empty, of odd byte length, too large, or holds samples outside int16.</summary>
    public const string InvalidAudio = "invalid_audio";

    /// <summary>Audio, a commit or a typed answer before <c>start_interview</c>.</summary>
    public const string NotStarted = "not_started";

    /// <summary>Audio or a commit for an interview running as typed Q&amp;A (started over REST); only text_answer applies.</summary>
    public const string TextModeOnly = "text_mode";

    /// <summary>A typed answer that is empty or longer than the answer limit; nothing was recorded.</summary>
    public const string InvalidAnswer = "invalid_answer";

    /// <summary>A message for an interview that has already ended.</summary>
    public const string InterviewEnded = "interview_ended";

    /// <summary>A text frame larger than <see cref="ProtocolLimits.MaxTextFrameBytes"/>.</summary>
    public const string FrameTooLarge = "frame_too_large";

    /// <summary>start_interview without <c>"consent": true</c> where the operator requires recording consent; nothing started.</summary>
    public const string ConsentRequired = "consent_required";

    /// <summary>The server failed; the message says nothing about internals.</summary>
    public const string InternalError = "internal_error";
}
