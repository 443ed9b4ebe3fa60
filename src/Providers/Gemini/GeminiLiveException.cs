namespace SyncHire.Providers.Gemini;

/// <summary>A Gemini Live connection could not be opened or was refused. Messages never contain the API key.</summary>
public sealed class GeminiLiveException(string code, string message, bool retryable, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>False when trying again cannot help (a bad key, a rejected setup).</summary>
    public bool Retryable { get; } = retryable;
}
