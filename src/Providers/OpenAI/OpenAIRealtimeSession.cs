using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OpenAI.Realtime;
using SyncHire.Audio;

namespace SyncHire.Providers.OpenAI;

/// <summary>
/// One OpenAI Realtime conversation. Commands become client events at once; <see cref="Events"/> reads the server's
/// updates as the caller consumes them, so the adapter's idea of "the current response" is the caller's — a cancel
/// applies to the response the candidate is hearing, and its audio still queued on the socket is dropped.
/// A response requested while another is active (a tool result during the response that called the tool) waits
/// for that one's `response.done`, as the API allows one active response at a time.
/// </summary>
public sealed partial class OpenAIRealtimeSession : IRealtimeSession
{
    /// <summary>The candidate's audio rate (the provider contract's input format).</summary>
    public const int InputSampleRate = 16_000;

    /// <summary>The API refuses to commit less than 100 ms of audio.</summary>
    private static readonly int MinCommitBytes = Pcm16.ByteCount(TimeSpan.FromMilliseconds(100), OpenAIRealtimeSessionSettings.SampleRate);

    private readonly RealtimeSessionClient _connection;
    private readonly TurnDetectionMode _turnDetection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly PcmResampler _resampler = new(InputSampleRate, OpenAIRealtimeSessionSettings.SampleRate);
    private readonly Lock _resamplerGate = new();
    private readonly RealtimeServerReader _reader;

    /// <summary>One writer at a time on the socket: the audio events written directly and the SDK's commands.</summary>
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private int _reading;
    private int _disposed;

    /// <summary>The realtime model, and the input transcription model (billed apart), named on their usage.</summary>
    private readonly string _model;
    private readonly string _transcriptionModel;

    private OpenAIRealtimeSession(RealtimeSessionClient connection, TurnDetectionMode turnDetection, string model, string transcriptionModel, ILogger logger)
    {
        _model = model;
        _transcriptionModel = transcriptionModel;
        _connection = connection;
        _reader = new RealtimeServerReader(connection.WebSocket);
        _turnDetection = turnDetection;
        _logger = logger;
    }

    /// <summary>
    /// Opens the socket, configures the session, seeds the history and waits for `session.updated`, so a refused key,
    /// an unreachable server or a rejected configuration fails here with a clear message rather than mid-interview.
    /// </summary>
    internal static async Task<OpenAIRealtimeSession> ConnectAsync(
        OpenAIRealtimeOptions config, RealtimeSessionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.ApiKey))
        {
            throw new InvalidOperationException(
                $"OpenAI Realtime is not configured: set {OpenAIRealtimeOptions.SectionName}:ApiKey or {OpenAIRealtimeOptions.ApiKeyEnvironmentVariable}.");
        }

        var endpoint = new Uri(config.Endpoint);
        var model = options.Model ?? config.Model;
        var where = $"{endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/realtime (model {model})";
        var client = new RealtimeClient(new ApiKeyCredential(config.ApiKey), new RealtimeClientOptions { Endpoint = endpoint });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(config.ConnectTimeout);

        RealtimeSessionClient connection;
        try
        {
            connection = await client.StartConversationSessionAsync(model, cancellationToken: deadline.Token);
        }
        catch (WebSocketException exception)
        {
            throw Refused(where, exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenAIRealtimeConnectException($"Could not open an OpenAI Realtime session at {where}: no answer within {config.ConnectTimeout}.");
        }

        var detection = OpenAIRealtimeSessionSettings.ResolveTurnDetection(config.TurnDetection, options.TurnDetection).Mode;
        var session = new OpenAIRealtimeSession(connection, detection, model, config.InputTranscriptionModel, logger);
        try
        {
            await session.StartAsync(config, options, where, deadline.Token);
            OpenAIRealtimeLog.SessionOpened(logger,
                where, options.Voice ?? config.Voice, detection);
            return session;
        }
        catch (Exception exception)
        {
            await session.DisposeAsync();
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new OpenAIRealtimeConnectException($"The OpenAI Realtime session at {where} was not configured within {config.ConnectTimeout}.");
            }

            if (exception is WebSocketException or IOException)
            {
                throw new OpenAIRealtimeConnectException($"The OpenAI Realtime session at {where} failed while it was being configured: {exception.Message}", exception);
            }

            throw;
        }
    }

    private async Task StartAsync(OpenAIRealtimeOptions config, RealtimeSessionOptions options, string where, CancellationToken cancellationToken)
    {
        await _connection.ConfigureConversationSessionAsync(OpenAIRealtimeSessionSettings.Build(config, options), cancellationToken);
        foreach (var turn in options.History)
        {
            // The conversation so far, as text: a reconnected session answers in context.
            var item = turn.Speaker == Speakers.Interviewer
                ? RealtimeItem.CreateAssistantMessageItem(turn.Text)
                : RealtimeItem.CreateUserMessageItem(turn.Text);
            await _connection.AddItemAsync(item, cancellationToken);
        }

        while (true)
        {
            var message = await _reader.ReadAsync(_lifetime.Token).AsTask().WaitAsync(cancellationToken)
                ?? throw new OpenAIRealtimeConnectException($"The OpenAI Realtime server at {where} closed the session while it was being configured.");
            switch (message.Update)
            {
                case RealtimeServerUpdateSessionUpdated:
                    return;
                case RealtimeServerUpdateError { Error: var error }:
                    throw new OpenAIRealtimeConnectException(
                        $"The OpenAI Realtime server at {where} rejected the session configuration: {error?.Code ?? error?.Kind}: {error?.Message}");
            }
        }
    }

    private static OpenAIRealtimeConnectException Refused(string where, WebSocketException exception)
    {
        // .NET reports a refused upgrade as "The server returned status code '401' when status code '101' was expected."
        var match = Regex.Match(exception.Message, @"status code '(\d{3})'");
        int? status = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var reason = status switch
        {
            401 or 403 => $"the API key was rejected (HTTP {status}); check {OpenAIRealtimeOptions.SectionName}:ApiKey",
            429 => "rate limited (HTTP 429)",
            >= 500 => $"the service is unavailable (HTTP {status})",
            not null => $"the server refused the connection (HTTP {status})",
            null => exception.Message,
        };
        return new OpenAIRealtimeConnectException($"Could not open an OpenAI Realtime session at {where}: {reason}.", exception) { StatusCode = status };
    }

    public IAsyncEnumerable<ProviderEvent> Events => ReadEventsAsync();

    public async ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (pcm16Mono16k.IsEmpty)
        {
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        using var message = BuildAppend(pcm16Mono16k.Span);
        await SendAudioEventAsync(message.Seal(message.AudioCapacity));
    }

    /// <summary>Resamples the frame to the session's rate straight into the event's buffer.</summary>
    private InputAudioAppendMessage BuildAppend(ReadOnlySpan<byte> pcm16Mono16k)
    {
        lock (_resamplerGate)
        {
            var message = new InputAudioAppendMessage(_resampler.GetOutputLength(pcm16Mono16k.Length / Pcm16.BytesPerSample) * Pcm16.BytesPerSample);
            var written = _resampler.Process(pcm16Mono16k, message.Audio);
            Debug.Assert(written == message.AudioCapacity, "GetOutputLength is exact");
            Interlocked.Add(ref _uncommittedBytes, written);
            return message;
        }
    }

    /// <summary>
    /// Writes an audio event on the socket itself, under the session's send gate. The SDK's SendCommandAsync copies
    /// every event into a new array and takes the Task-returning send; at 50 events a second per candidate that was
    /// the largest cost left in the relay. The session's own lifetime only: a linked token per frame cost more than
    /// the send, and the caller's token ends with this session anyway (the grain disposes it).
    /// </summary>
    private async ValueTask SendAudioEventAsync(ReadOnlyMemory<byte> utf8Json)
    {
        var token = _lifetime.Token;
        try
        {
            await _sendGate.WaitAsync(token);
            try
            {
                await _connection.WebSocket!.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, token);
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException
            || (exception is InvalidOperationException && _connection.WebSocket?.State is not WebSocketState.Open))
        {
            OpenAIRealtimeLog.AudioNotSent(_logger, exception.GetType().Name);
        }
    }

    public async ValueTask CommitTurnAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        lock (_gate)
        {
            // With server VAD the server ends turns itself; a commit only matters while it still hears speech.
            // Without audio there is nothing to answer (a double click on "send").
            var due = _turnDetection == TurnDetectionMode.PushToTalk || _candidateSpeaking;
            if (!due || Interlocked.Read(ref _uncommittedBytes) < MinCommitBytes)
            {
                return;
            }
        }

        Interlocked.Exchange(ref _uncommittedBytes, 0);
        await SendAsync(token => _connection.CommitPendingAudioAsync(token), cancellationToken);
        await RequestResponseAsync(cancellationToken);
    }

    public async ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfDisposed();
        if (text.Trim() is not { Length: > 0 } typed)
        {
            return;
        }

        await SendAsync(token => _connection.AddItemAsync(RealtimeItem.CreateUserMessageItem(typed), token), cancellationToken);
        await RequestResponseAsync(cancellationToken);
    }

    public async ValueTask CreateResponseAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await RequestResponseAsync(cancellationToken);
    }

    public async ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audioPlayed, TimeSpan.Zero);
        ThrowIfDisposed();
        string? truncateItem = null;
        var truncateAt = TimeSpan.Zero;
        var cancel = false;
        lock (_gate)
        {
            if (_response is not { Cancelled: false } response)
            {
                return;
            }

            response.Cancelled = true;
            cancel = true;
            if (response.AudioItemId is { } itemId && response.AudioBytes > 0)
            {
                // Never past the audio the server sent for the item: the API rejects a truncation beyond it.
                var sent = Pcm16.Duration(response.AudioBytes, OpenAIRealtimeSessionSettings.SampleRate);
                var heard = audioPlayed < sent ? audioPlayed : sent;
                truncateItem = itemId;
                truncateAt = TimeSpan.FromMilliseconds(Math.Floor(heard.TotalMilliseconds));
            }
        }

        if (cancel)
        {
            // If the server already finished (it generates faster than the candidate listens), it answers
            // response_cancel_not_active, which the event reader expects and drops.
            await SendAsync(token => _connection.CancelResponseAsync(token), cancellationToken);
        }

        if (truncateItem is not null)
        {
            await SendAsync(token => _connection.TruncateItemAsync(truncateItem, 0, truncateAt, token), cancellationToken);
        }
    }

    public async ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ThrowIfDisposed();
        await SendAsync(token => _connection.ConfigureConversationSessionAsync(new RealtimeConversationSessionOptions { Instructions = instructions }, token),
            cancellationToken);
    }

    public async ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(resultJson);
        ThrowIfDisposed();
        await SendAsync(token => _connection.AddItemAsync(RealtimeItem.CreateFunctionCallOutputItem(callId, resultJson), token), cancellationToken);
        await RequestResponseAsync(cancellationToken);
    }

    /// <summary>Sends `response.create` now, or after the active response's `response.done`.</summary>
    private async Task RequestResponseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_response is not null || _responseRequested)
            {
                _responseDeferred = true;
                return;
            }

            _responseRequested = true;
        }

        await SendAsync(token => _connection.StartResponseAsync(token), cancellationToken);
    }

    /// <summary>
    /// Sends a client event. Once the socket is gone a command is a no-op: the loss is reported once, as a fatal
    /// <see cref="ProviderError"/> on <see cref="Events"/>, rather than thrown at every caller.
    /// </summary>
    /// <summary>Sends one command through the SDK, under the gate the audio events share (one writer per socket).</summary>
    private async Task SendAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            await _sendGate.WaitAsync(linked.Token);
            try
            {
                await send(linked.Token);
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException
            || (exception is InvalidOperationException && _connection.WebSocket?.State is not WebSocketState.Open)
            || (exception is OperationCanceledException && _lifetime.IsCancellationRequested))
        {
            OpenAIRealtimeLog.CommandNotSent(_logger, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Close politely before cancelling the reader: a cancelled receive aborts the socket.
        if (_connection.WebSocket is { State: WebSocketState.Open or WebSocketState.CloseReceived } socket)
        {
            try
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session closed", closing.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException
                or ObjectDisposedException or InvalidOperationException)
            {
                // Already gone, or a send in flight: the abort below ends it either way.
            }
        }

        await _lifetime.CancelAsync();
        _connection.Dispose();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
