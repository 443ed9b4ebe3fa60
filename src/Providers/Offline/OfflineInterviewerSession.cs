using System.Threading.Channels;
using SyncHire.Audio;
using SyncHire.Audio.Speech;

namespace SyncHire.Providers.Offline;

/// <summary>
/// One offline interview conversation. The public methods only gate and enqueue input (they never wait for the
/// conversation), and a single background loop (<c>Conversation.cs</c>) runs the script, so the caller can answer a
/// tool call from inside its own event pump without deadlocking. Events have one consumer.
/// </summary>
public sealed partial class OfflineInterviewerSession : IRealtimeSession
{
    /// <summary>The candidate's audio rate (the provider contract's input format).</summary>
    public const int InputSampleRate = 16_000;

    private readonly RealtimeSessionOptions _options;
    private readonly ITextToSpeech _voice;

    // Bounded, so a response is produced only as fast as it is consumed and a cancel can still stop its audio.
    private readonly ResponseEventQueue _events = ResponseEventQueue.Bounded(16);

    private readonly Channel<SessionInput> _inputs = Channel.CreateUnbounded<SessionInput>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _conversation;

    // Everything below is shared between the caller's threads and the conversation loop.
    private readonly Lock _gate = new();
    private readonly EnergyVoiceActivityDetector _voiceActivity = new(new VoiceActivityOptions(SampleRate: InputSampleRate));
    private readonly List<VoiceActivityEvent> _voiceActivityEvents = [];
    private bool _listening;
    private bool _speechDeclared;
    private long _turnAudioBytes;
    private int _disposed;

    internal OfflineInterviewerSession(RealtimeSessionOptions options, ITextToSpeech voice)
    {
        _options = options;
        _voice = voice;
        _conversation = Task.Run(RunConversationAsync);
    }

    public IAsyncEnumerable<ProviderEvent> Events => _events.ReadAllAsync();

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // The detector hears everything, even while input is ignored, so its offsets stay true to the stream.
            _voiceActivityEvents.Clear();
            _voiceActivity.Process(pcm16Mono16k.Span, _voiceActivityEvents);
            if (!_listening)
            {
                return ValueTask.CompletedTask;
            }

            _turnAudioBytes += pcm16Mono16k.Length;
            foreach (var activity in _voiceActivityEvents)
            {
                if (activity.Kind == VoiceActivityKind.SpeechStarted)
                {
                    _speechDeclared = true;
                    Post(new CandidateSpeechBegan(activity.Offset));
                    continue;
                }

                EndTurnLocked(CandidateAnswer.Spoken(activity.SpeechDuration, activity.Offset));
                break;
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
            if (!_listening)
            {
                return ValueTask.CompletedTask;
            }

            if (_voiceActivity.StopSpeech() is { } stop)
            {
                EndTurnLocked(CandidateAnswer.Spoken(stop.SpeechDuration, stop.Offset));
            }
            else if (_turnAudioBytes > 0)
            {
                EndTurnLocked(CandidateAnswer.Unvoiced(Pcm16.Duration(_turnAudioBytes, InputSampleRate)));
            }

            // A commit with no audio at all (a double click on "send") has nothing to answer.
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var answer = text.Trim();
        lock (_gate)
        {
            if (!_listening || answer.Length == 0)
            {
                return ValueTask.CompletedTask;
            }

            // If the detector had declared speech, close it so every SpeechStarted the caller saw gets its SpeechStopped.
            var stop = _voiceActivity.StopSpeech();
            EndTurnLocked(CandidateAnswer.Typed(answer, _speechDeclared ? stop?.Offset : null));
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

    /// <summary>Accepted for interface parity; the offline script does not read prompts.</summary>
    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ThrowIfDisposed();
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

    /// <summary>Opens the candidate's turn: audio from here on counts, speech heard before does not.</summary>
    private void StartListening()
    {
        lock (_gate)
        {
            _voiceActivity.ResetSpeechState();
            _turnAudioBytes = 0;
            _speechDeclared = false;
            _listening = true;
        }
    }

    private void EndTurnLocked(CandidateAnswer answer)
    {
        _listening = false;
        _speechDeclared = false;
        Post(new CandidateTurnEnded(answer));
    }

    // The input channel is unbounded and only completed on dispose, when dropping input is the intent.
    private void Post(SessionInput input) => _inputs.Writer.TryWrite(input);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
