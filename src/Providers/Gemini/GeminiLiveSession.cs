using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// One Gemini Live conversation, possibly spanning several WebSocket connections (see Resumption.cs). Commands only
/// enqueue client messages (one sender loop writes them to whichever connection is current; an audio frame with
/// nothing queued ahead of it and no swap under way is written by its caller under the same swap lock), and each
/// connection's reader translates server messages into events (ServerMessages.cs), so neither side ever waits on the other.
/// </summary>
internal sealed partial class GeminiLiveSession : IRealtimeSession
{
    private const int InputSampleRate = 16_000;

    /// <summary>Asks the model to speak first; Gemini answers only after a user turn, and the brackets mark it as a stage direction.</summary>
    internal const string BeginNudge = "[The candidate has joined the call. Begin the interview now, as your instructions say.]";

    /// <summary>The same for a session that replaces a lost one and was seeded with the conversation so far.</summary>
    internal const string ContinueNudge =
        "[The call was reconnected after a technical problem. Briefly apologise for the interruption and continue the interview from where it stopped.]";

    private readonly GeminiSessionSetup _setup;
    private readonly GeminiLiveOptions _options;
    private readonly ILogger _logger;
    private readonly bool _seededWithHistory;
    private readonly Channel<ProviderEvent> _events = Channel.CreateUnbounded<ProviderEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<OutgoingMessage> _outgoing = Channel.CreateUnbounded<OutgoingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly Task _sender;
    private string _instructions;
    private bool _activityOpen;
    private long _audioBytesSent;

    /// <summary>Messages in <see cref="_outgoing"/> the sender loop has not finished with.</summary>
    private int _disposed;

    private GeminiLiveSession(GeminiSessionSetup setup, GeminiLiveSocket socket, bool seededWithHistory, GeminiLiveOptions options, ILogger logger)
    {
        _setup = setup;
        _options = options;
        _logger = logger;
        _seededWithHistory = seededWithHistory;
        _instructions = setup.Instructions;
        _current = socket;
        _sender = Task.Run(SendLoopAsync);
        StartReader(socket);
    }

    public static async Task<IRealtimeSession> StartAsync(
        GeminiSessionSetup setup, IReadOnlyList<HistoryTurn> history, GeminiLiveOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = await GeminiLiveSocket.OpenAsync(setup.Address, setup.ApiKey, setup.ToMessage(setup.Instructions, resumeHandle: null),
            options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        var session = new GeminiLiveSession(setup, socket, history.Count > 0, options, logger);
        if (history.Count > 0)
        {
            session.Enqueue(GeminiClientMessages.History(history), replayable: true);
        }

        return session;
    }

    public IAsyncEnumerable<ProviderEvent> Events => ReadEventsAsync();

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (pcm16Mono16k.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var message = GeminiAudioInput.Encode(pcm16Mono16k.Span);

        // Always through the sender loop, behind whatever is queued: it holds frames while a goAway is pending and
        // records them for replay in one place. (Sending from the caller's thread when nothing was queued saved a
        // channel hop per frame, but a resumption test hung once under load with it; the loop is the proven path.)
        lock (_gate)
        {
            if (_setup.PushToTalk && !_activityOpen)
            {
                // Without automatic activity detection the client marks where the candidate's turn begins.
                _activityOpen = true;
                Enqueue(GeminiClientMessages.ActivityStart(), replayable: true);
            }

            _audioBytesSent += pcm16Mono16k.Length;
            Enqueue(message, replayable: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Push-to-talk: activityEnd closes the turn. With automatic detection: audioStreamEnd makes the service end it now.</summary>
    public ValueTask CommitTurnAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_setup.PushToTalk)
            {
                if (_activityOpen)
                {
                    _activityOpen = false;
                    Enqueue(GeminiClientMessages.ActivityEnd(), replayable: true);
                }
            }
            else
            {
                Enqueue(GeminiClientMessages.AudioStreamEnd(), replayable: true);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var answer = text.Trim();
        if (answer.Length == 0)
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            // Gemini transcribes audio only; a typed answer is its own transcript.
            FinishInputLocked();
            Emit(new InputTranscriptDelta(answer, IsFinal: true));
            Enqueue(GeminiClientMessages.UserTurn(answer, turnComplete: true), replayable: true);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        Enqueue(GeminiClientMessages.UserTurn(_seededWithHistory ? ContinueNudge : BeginNudge, turnComplete: true), replayable: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Gemini has no client-side cancel: the service itself interrupts its answer when the candidate starts speaking
    /// (and says so with `interrupted`), so there is nothing to send.
    /// </summary>
    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audioPlayed, TimeSpan.Zero);
        ThrowIfDisposed();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A Live session's system instruction is fixed at setup, so the change goes to the model as a stage direction
    /// now, and into the setup of every later connection (resumptions).
    /// </summary>
    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instructions);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _instructions = instructions;
        }

        Enqueue(GeminiClientMessages.InstructionsChanged(instructions), replayable: false);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(resultJson);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var response = GeminiClientMessages.FunctionResult(callId, resultJson);

        lock (_gate)
        {
            if (!_pendingCalls.Remove(callId, out var name))
            {
                // Cancelled by the service (the candidate interrupted) or from a connection that is gone.
                GeminiLiveLog.ToolResultDropped(_logger, callId);
                return ValueTask.CompletedTask;
            }

            Enqueue(GeminiClientMessages.ToolResponse(callId, name, response), replayable: false);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        GeminiLiveSocket? socket;
        lock (_gate)
        {
            socket = _current;
            _current = null;
        }

        if (socket is not null)
        {
            await socket.CloseAsync().ConfigureAwait(false);
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _outgoing.Writer.TryComplete();
        _events.Writer.TryComplete();
        try
        {
            await _sender.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the cancel above.
        }

        foreach (var retired in _sockets)
        {
            await retired.DisposeAsync().ConfigureAwait(false);
        }

        _lifetime.Dispose();
    }

    private async IAsyncEnumerable<ProviderEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var providerEvent in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return providerEvent;
        }
    }

    private void Emit(ProviderEvent providerEvent) => _events.Writer.TryWrite(providerEvent);

    private void Enqueue(JsonObject message, bool replayable) => Enqueue(JsonSerializer.SerializeToUtf8Bytes(message), replayable);

    /// <summary>Queues a message for the sender loop, which sends in order.</summary>
    private void Enqueue(byte[] json, bool replayable) => _outgoing.Writer.TryWrite(new OutgoingMessage(json, replayable));

    private TimeSpan AudioPosition => TimeSpan.FromSeconds(Interlocked.Read(ref _audioBytesSent) / 2.0 / InputSampleRate);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

    /// <param name="Replayable">Candidate input that must reach a resumed connection if no handle covers it yet.</param>
    private readonly record struct OutgoingMessage(byte[] Json, bool Replayable);
}
