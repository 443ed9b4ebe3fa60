using SyncHire.Providers;

namespace SyncHire.Grains.Usage;

/// <summary>Where work done for an interview outside its provider session (the evaluation) counts the tokens it used.</summary>
public interface ITokenUsageSink
{
    /// <summary>Thread-safe: called from whatever thread made the model call.</summary>
    void CountTokens(TokenUsage usage);
}
