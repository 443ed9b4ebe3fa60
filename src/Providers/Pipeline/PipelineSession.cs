using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SyncHire.Audio;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// One pipeline conversation. The candidate's audio is buffered here and our energy VAD finds the end of each turn
/// (or a commit does); a single background loop (<c>Conversation.cs</c>) then runs transcription, chat completion
/// and speech for it. The public methods only buffer and enqueue, so the caller can answer a tool call from inside
/// its own event pump. Events have one consumer.
/// </summary>
public sealed partial class PipelineSession : IRealtimeSession
{
    /// <summary>The candidate's audio rate (the provider contract's input, sent to transcription unchanged).</summary>
    public const int InputSampleRate = 16_000;

    /// <summary>The speech endpoint's PCM rate, which is also the contract's output rate.</summary>
    public const int OutputSampleRate = 24_000;

    /// <summary>100 ms of 24 kHz PCM16 per <see cref="AudioDelta"/>, the cadence realtime providers stream at.</summary>
    public const int AudioChunkBytes = OutputSampleRate / 10 * Pcm16.BytesPerSample;

    /// <summary>The transcription endpoint refuses shorter files (audio_too_short).</summary>
    private static readonly TimeSpan MinimumUtterance = TimeSpan.FromMilliseconds(100);

    /// <summary>A turn this long is sent even without a pause: transcription takes at most 25 MB, and nobody answers for 2 minutes.</summary>
    private static readonly TimeSpan MaximumUtterance = TimeSpan.FromMinutes(2);

    /// <summary>Between utterances, how much recent audio is kept for a commit that comes without detected speech.</summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(2);

    private readonly RealtimeSessionOptions _options;
    private readonly PipelineProviderOptions _settings;
    private readonly PipelineOpenAIClient _client;
    private readonly ILogger _logger;

    // Unbounded: a response's audio is produced as fast as the speech endpoint sends it; a cancel drops what is queued.
    private readonly ResponseEventQueue _events = ResponseEventQueue.Unbounded();
    private readonly Channel<PipelineInput> _inputs = Channel.CreateUnbounded<PipelineInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _conversation;

    // Shared between the caller's threads and the conversation loop.
    private readonly Lock _gate = new();
    private readonly bool _pushToTalk;
    private readonly TimeSpan _prefixPadding;
    private readonly EnergyVoiceActivityDetector _voiceActivity;
    private readonly List<VoiceActivityEvent> _voiceActivityEvents = [];
    private readonly CandidateAudioBuffer _audio = new(InputSampleRate, MaximumUtterance);
    private TimeSpan? _speechStartedAt;
    private bool _speechHeardThisTurn;
    private string _instructions;
    private int _closed;
    private int _disposed;

    internal PipelineSession(RealtimeSessionOptions options, PipelineProviderOptions settings, PipelineOpenAIClient client, ILogger logger)
    {
        _options = options;
        _settings = settings;
        _client = client;
        _logger = logger;
        _instructions = options.Instructions;
        var turnDetection = options.TurnDetection;
        _pushToTalk = turnDetection?.Mode == TurnDetectionMode.PushToTalk;
        _prefixPadding = TimeSpan.FromMilliseconds(turnDetection?.PrefixPaddingMs ?? 300);
        // The threshold of a realtime API's VAD is a speech probability, not an RMS level, so only the timing carries over.
        _voiceActivity = new EnergyVoiceActivityDetector(new VoiceActivityOptions(
            SampleRate: InputSampleRate,
            SilenceHangover: turnDetection?.SilenceDurationMs is { } silence ? TimeSpan.FromMilliseconds(silence) : null));
        SeedHistory(options.History);
        _conversation = Task.Run(RunConversationAsync);
    }

    public IAsyncEnumerable<ProviderEvent> Events => _events.ReadAllAsync();

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (IsClosed)
            {
                return ValueTask.CompletedTask;
            }

            _voiceActivityEvents.Clear();
            _voiceActivity.Process(pcm16Mono16k.Span, _voiceActivityEvents);
            _audio.Append(pcm16Mono16k.Span);
            foreach (var activity in _voiceActivityEvents)
            {
                if (activity.Kind == VoiceActivityKind.SpeechStarted)
                {
                    _speechStartedAt = activity.Offset;
                    _speechHeardThisTurn = true;
                    Emit(new SpeechStarted(activity.Offset));
                    continue;
                }

                Emit(new SpeechStopped(activity.Offset));
                if (!_pushToTalk)
                {
                    EndSpokenTurnLocked();
                }
            }

            if (!_speechHeardThisTurn)
            {
                // Nothing said yet: keep only recent audio (trimmed a window at a time, so idle listening copies little).
                if (Pcm16.Duration(_audio.Length, InputSampleRate) > IdleWindow * 2)
                {
                    _audio.DropBefore(_voiceActivity.Position - IdleWindow);
                }
            }
            else if (_audio.IsFull)
            {
                // Nobody speaks for two minutes without a pause; send what there is rather than grow without bound.
                if (_voiceActivity.StopSpeech() is { } stop)
                {
                    Emit(new SpeechStopped(stop.Offset));
                }

                EndSpokenTurnLocked();
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CommitTurnAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (IsClosed)
            {
                return ValueTask.CompletedTask;
            }

            if (_voiceActivity.StopSpeech() is { } stop)
            {
                Emit(new SpeechStopped(stop.Offset));
            }

            if (!_speechHeardThisTurn)
            {
                // Nothing was said since the last turn: a double click on "send", or the client's own "send after
                // silence" arriving after the pause already ended the turn. Answering silence would only flash "thinking".
                _audio.TakeFrom(_voiceActivity.Position);
                return ValueTask.CompletedTask;
            }

            EndSpokenTurnLocked();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var typed = text.Trim();
        lock (_gate)
        {
            if (IsClosed || typed.Length == 0)
            {
                return ValueTask.CompletedTask;
            }

            // A typed answer replaces whatever was being said: close the utterance so every start has its stop.
            if (_voiceActivity.StopSpeech() is { } stop)
            {
                Emit(new SpeechStopped(stop.Offset));
            }

            _audio.TakeFrom(_voiceActivity.Position);
            _speechStartedAt = null;
            _speechHeardThisTurn = false;
            Post(new TypedTurn(typed));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        Post(new ResponseRequested());
        return ValueTask.CompletedTask;
    }

    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audioPlayed, TimeSpan.Zero);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        _events.CancelResponseBeingRead();
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes effect from the next chat completion.</summary>
    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ThrowIfDisposed();
        Volatile.Write(ref _instructions, instructions);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(resultJson);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        Post(new ToolResultReceived(callId, resultJson));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _inputs.Writer.TryComplete();
        _events.Complete();
        await _conversation.ConfigureAwait(false);
        _lifetime.Dispose();
    }

    private bool IsClosed => Volatile.Read(ref _closed) == 1;

    /// <summary>Hands the utterance (from just before its speech began) to the conversation loop.</summary>
    private void EndSpokenTurnLocked()
    {
        var from = _pushToTalk || _speechStartedAt is not { } started ? TimeSpan.Zero : started - _prefixPadding;
        var utterance = _audio.TakeFrom(from);
        _speechStartedAt = null;
        _speechHeardThisTurn = false;
        if (Pcm16.Duration(utterance.Length, InputSampleRate) >= MinimumUtterance)
        {
            Post(new SpokenTurn(utterance));
        }
    }

    private void Emit(ProviderEvent providerEvent, int responseId = 0) =>
        _events.Post(providerEvent, responseId);

    // The input channel is unbounded and completed only on close or dispose, when dropping input is the intent.
    private void Post(PipelineInput input) => _inputs.Writer.TryWrite(input);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
