namespace SyncHire.Gateway.Errors;

/// <summary>
/// The stable "code" extension of every Problem Details response. Integrators branch on these, so a code never
/// changes meaning; the title and detail are for people.
/// </summary>
public static class ApiErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string BadRequest = "bad_request";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InterviewNotFound = "interview_not_found";
    public const string TokenMissing = "token_missing";
    public const string InvalidToken = "invalid_token";
    public const string TokenExpired = "token_expired";
    public const string TokenWrongInterview = "token_wrong_interview";
    public const string WebSocketRequired = "websocket_required";
    public const string ClusterUnavailable = "cluster_unavailable";
    public const string ApiKeyRequired = "api_key_required";
    public const string InvalidApiKey = "invalid_api_key";
    public const string RateLimited = "rate_limited";
    public const string InterviewQuotaExceeded = "interview_quota_exceeded";
    public const string InvalidCursor = "invalid_cursor";
    /// <summary>A video-room integration (LiveKit, Stream, Tavus) whose keys this server has not configured (501).</summary>
    public const string IntegrationNotConfigured = "integration_not_configured";
    /// <summary>A video-room service failed or could not be reached (502); its answer is not passed on.</summary>
    public const string IntegrationFailed = "integration_failed";
    public const string TavusConversationNotFound = "tavus_conversation_not_found";
    public const string TavusConversationConflict = "tavus_conversation_conflict";
    /// <summary>A CV upload without a file in its "cv" field (the cv_* codes of a rejected file come from the extractor).</summary>
    public const string CvMissing = "cv_missing";
    /// <summary>A multipart body that could not be read as a form.</summary>
    public const string InvalidForm = "invalid_form";
    /// <summary>The request needs an interview that has not started yet (a CV is attached before the start).</summary>
    public const string InterviewAlreadyStarted = "interview_already_started";
    public const string InterviewEnded = "interview_ended";
    /// <summary>Typed answers over REST for an interview that runs over audio (it takes them on its socket).</summary>
    public const string InterviewRunningOverAudio = "interview_running_over_audio";
    /// <summary>An invitation token that is unknown, expired or revoked (not told apart, so tokens cannot be probed).</summary>
    public const string InvitationNotFound = "invitation_not_found";
    /// <summary>The report or transcript asked for needs the interview to have ended first (409).</summary>
    public const string InterviewNotFinished = "interview_not_finished";
    /// <summary>The interview ended before the candidate answered anything, so it has no report (409).</summary>
    public const string ReportNotAvailable = "report_not_available";
    public const string InternalError = "internal_error";

    /// <summary>The code for an error response that no endpoint described further (routing, framework limits).</summary>
    public static string ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => ClusterUnavailable,
        >= 500 => InternalError,
        _ => BadRequest,
    };
}
