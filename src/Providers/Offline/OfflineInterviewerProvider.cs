using SyncHire.Audio.Speech;

namespace SyncHire.Providers.Offline;

/// <summary>
/// The interviewer that needs no AI provider: a deterministic script driven by the same interview tools as the real
/// providers, so the product runs a whole interview with no key configured, and tests can rely on every word.
/// </summary>
public sealed class OfflineInterviewerProvider(ITextToSpeech voice) : IRealtimeProvider
{
    public const string ProviderName = "offline";

    private readonly ITextToSpeech _voice = voice ?? throw new ArgumentNullException(nameof(voice));

    public string Name => ProviderName;

    /// <summary>Always: it needs no key and no network.</summary>
    public bool IsConfigured => true;

    /// <summary>In-process: nothing expires, turns are found with local VAD, and no model tokens are spent.</summary>
    public RealtimeCapabilities Capabilities { get; } = new();

    public Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IRealtimeSession>(new OfflineInterviewerSession(options, _voice));
    }
}
