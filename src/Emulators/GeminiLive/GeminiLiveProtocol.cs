namespace SyncHire.Emulators.GeminiLive;

/// <summary>Constants of the Live API's BidiGenerateContent WebSocket protocol that the emulator reproduces.</summary>
public static class GeminiLiveProtocol
{
    /// <summary>
    /// The canonical path on generativelanguage.googleapis.com (API key in `key` or the x-goog-api-key header); the
    /// emulator accepts every shape of <see cref="GeminiLiveRoute"/>.
    /// </summary>
    public const string Path = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

    /// <summary>The emulator's name for fault injection (POST /_emulator/faults/gemini).</summary>
    public const string EmulatorName = "gemini";

    public const int InputSampleRate = 16_000;
    public const int OutputSampleRate = 24_000;
    public const string OutputMimeType = "audio/pcm;rate=24000";

    /// <summary>
    /// Google accepts the upgrade and then closes with 1007 (invalid payload data) and this reason for a bad key
    /// (observed by clients of the real service); the close is the only error channel the Live API has.
    /// </summary>
    public const string InvalidKeyReason = "API key not valid. Please pass a valid API key.";

    /// <summary>The close reason for an ephemeral token that was never issued, is spent or has expired.</summary>
    public const string InvalidTokenReason = "The access token is invalid, used up or expired.";

    /// <summary>A user text turn wholly in square brackets is a stage direction to the model, not the candidate speaking.</summary>
    public static bool IsStageDirection(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '[' && trimmed[^1] == ']';
    }

    /// <summary>A google.protobuf.Duration in its JSON form: seconds with an "s" suffix, e.g. "1.5s".</summary>
    public static string Duration(TimeSpan value) =>
        value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
