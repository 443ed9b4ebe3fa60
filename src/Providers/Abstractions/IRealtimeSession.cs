namespace SyncHire.Providers;

/// <summary>
/// One live conversation with a provider. Commands go in through the methods; everything the provider says comes
/// out through <see cref="Events"/>, in order. Audio in is PCM16 mono 16 kHz (the candidate's rate; adapters
/// resample if their provider wants another); audio out is PCM16 mono 24 kHz.
/// </summary>
public interface IRealtimeSession : IAsyncDisposable
{
    IAsyncEnumerable<ProviderEvent> Events { get; }

    ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken);

    /// <summary>The candidate finished a turn (push-to-talk, or `send_for_AI_processing`).</summary>
    ValueTask CommitTurnAsync(CancellationToken cancellationToken);

    /// <summary>A typed message from the candidate (text mode), answered like speech.</summary>
    ValueTask SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>Ask the model to speak now (the greeting at the start of an interview).</summary>
    ValueTask CreateResponseAsync(CancellationToken cancellationToken);

    /// <summary>Barge-in: stop the current response; <paramref name="audioPlayed"/> is how much the candidate heard.</summary>
    ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken);

    ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken);

    ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken);
}
