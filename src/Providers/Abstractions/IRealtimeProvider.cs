namespace SyncHire.Providers;

/// <summary>
/// A realtime model provider plugin (the offline interviewer, OpenAI Realtime, Gemini Live, the STT→LLM→TTS pipeline,
/// or one a third party adds). A plugin is its own project that registers itself with
/// <see cref="RealtimeProviderServiceCollectionExtensions.AddRealtimeProvider{TProvider}"/>; no core file changes.
/// </summary>
public interface IRealtimeProvider
{
    /// <summary>
    /// The name interviews select it by. The plugin declares it once; the <see cref="ProviderRegistry"/> is the only
    /// list of names (the REST API and the configuration are validated against it).
    /// </summary>
    string Name { get; }

    /// <summary>Whether it can run here (its key and endpoint are configured).</summary>
    bool IsConfigured { get; }

    /// <summary>What it can do, so callers adapt to capabilities rather than to names.</summary>
    RealtimeCapabilities Capabilities { get; }

    Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken);
}
