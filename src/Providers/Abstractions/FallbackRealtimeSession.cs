namespace SyncHire.Providers;

/// <summary>
/// A session opened by a <see cref="FallbackRealtimeProvider"/>: the connected provider's session, unchanged (its
/// events pass straight through), with which provider it is and whether that is a backup.
/// </summary>
public sealed class FallbackRealtimeSession : IRealtimeSession
{
    internal FallbackRealtimeSession(IRealtimeSession inner, IRealtimeProvider provider, bool isBackup)
    {
        Inner = inner;
        Provider = provider;
        IsBackup = isBackup;
    }

    /// <summary>The connected provider's own session.</summary>
    public IRealtimeSession Inner { get; }

    /// <summary>The provider it connected to.</summary>
    public IRealtimeProvider Provider { get; }

    public string ProviderName => Provider.Name;

    /// <summary>True when the primary could not be reached and a backup answered ("Switching to a backup interviewer…").</summary>
    public bool IsBackup { get; }

    /// <summary>The connected provider's capabilities (e.g. its own session limit, for a rollover).</summary>
    public RealtimeCapabilities Capabilities => Provider.Capabilities;

    public IAsyncEnumerable<ProviderEvent> Events => Inner.Events;

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken) =>
        Inner.SendAudioAsync(pcm16Mono16k, cancellationToken);

    public ValueTask CommitTurnAsync(CancellationToken cancellationToken) => Inner.CommitTurnAsync(cancellationToken);

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => Inner.SendTextAsync(text, cancellationToken);

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken) => Inner.CreateResponseAsync(cancellationToken);

    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken) =>
        Inner.CancelResponseAsync(audioPlayed, cancellationToken);

    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken) =>
        Inner.UpdateInstructionsAsync(instructions, cancellationToken);

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken) =>
        Inner.SendToolResultAsync(callId, resultJson, cancellationToken);

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
