using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// Surviving the Live API's ~10-minute connection limit. The service hands out resumption handles at quiet points;
/// on goAway (at the next quiet point, or before the deadline) or on a lost connection, a new connection is set up
/// with the latest handle and swapped in while the sender holds the candidate's input. Input sent since that handle
/// is replayed so nothing the candidate said is lost; after goAway new input is held for the successor only, while
/// the old connection finishes the model turn in flight (tool results still go to it). Only when no handle exists or every attempt fails does the
/// session end with a fatal <see cref="ProviderError"/>.
/// </summary>
internal sealed partial class GeminiLiveSession
{
    /// <summary>About 90 s of base64 audio: more unacknowledged input than that means the handle is stale anyway.</summary>
    private const long MaxReplayBytes = 4 * 1024 * 1024;

    private readonly SemaphoreSlim _swapLock = new(1, 1);
    private readonly List<GeminiLiveSocket> _sockets = [];
    private readonly Queue<byte[]> _replay = [];

    /// <summary>Candidate input held back after goAway: it goes only to the successor, so the old connection cannot answer it too.</summary>
    private readonly List<byte[]> _held = [];
    private GeminiLiveSocket? _current;
    private long _replayBytes;
    private string? _handle;
    private bool _handleIsCurrent;
    private bool _goAwayPending;
    private int _finished;

    private void StartReader(GeminiLiveSocket socket)
    {
        lock (_gate)
        {
            _sockets.Add(socket);
        }

        _ = Task.Run(() => ReadLoopAsync(socket));
    }

    private async Task ReadLoopAsync(GeminiLiveSocket socket)
    {
        string? failure = null;
        try
        {
            while (await socket.ReceiveAsync(_lifetime.Token).ConfigureAwait(false) is { } message)
            {
                using (message)
                {
                    lock (_gate)
                    {
                        if (_current != socket)
                        {
                            // A retired connection's last words: its successor carries on. Only the usage it
                            // reports still counts, as those tokens were spent (model audio carries none).
                            if (message.Document is { } retired)
                            {
                                HandleUsageLocked(retired.RootElement);
                            }

                            continue;
                        }

                        if (message.Document is { } document)
                        {
                            HandleLocked(document.RootElement);
                        }
                        else
                        {
                            HandleModelAudioLocked(message.ModelAudio);
                        }
                    }
                }

                ResumeIfQuiet(socket);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or InvalidDataException
                                              or OperationCanceledException or ObjectDisposedException or KeyNotFoundException
                                              or InvalidOperationException or FormatException)
        {
            failure = socket.Scrub(exception.Message);
        }

        lock (_gate)
        {
            if (_current != socket || _lifetime.IsCancellationRequested)
            {
                return;
            }
        }

        var reason = failure is null ? socket.CloseDescription : $"the connection failed: {failure}";
        GeminiLiveLog.ConnectionLost(_logger, reason);
        await ResumeAsync(socket, reason).ConfigureAwait(false);
    }

    private void HandleResumptionUpdateLocked(JsonElement update)
    {
        var resumable = update.TryGetProperty("resumable", out var r) && r.ValueKind == JsonValueKind.True;
        var handle = update.TryGetProperty("newHandle", out var h) ? h.GetString() : null;
        if (resumable && !string.IsNullOrEmpty(handle))
        {
            _handle = handle;
            _handleIsCurrent = true;
            _replay.Clear();
            _replayBytes = 0;
        }
        else
        {
            // Mid-generation: the last good handle stays usable but no longer describes the present.
            _handleIsCurrent = false;
        }
    }

    private void HandleGoAwayLocked(JsonElement goAway)
    {
        var timeLeft = GeminiSessionSetup.ParseDuration(goAway.TryGetProperty("timeLeft", out var t) ? t.GetString() : null) ?? TimeSpan.Zero;
        Emit(new GoingAway(timeLeft));
        _goAwayPending = true;
        var socket = _current!;

        // Move at the next quiet point, or just before the deadline if the conversation never pauses.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, timeLeft.Ticks / 4));
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(timeLeft - margin, _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return; // The session ended first.
            }

            await ResumeAsync(socket, "goAway deadline").ConfigureAwait(false);
        });
    }

    /// <summary>After goAway: move now if nothing is in flight and the latest handle covers everything said so far.</summary>
    private void ResumeIfQuiet(GeminiLiveSocket socket)
    {
        bool quiet;
        lock (_gate)
        {
            quiet = _goAwayPending && _current == socket && IsQuietLocked();
        }

        if (quiet)
        {
            _ = Task.Run(() => ResumeAsync(socket, "goAway", onlyIfQuiet: true));
        }
    }

    /// <summary>Nothing in flight, and the latest handle covers everything the service has done.</summary>
    private bool IsQuietLocked() => !_responseOpen && _pendingCalls.Count == 0 && _handleIsCurrent;

    /// <summary>Replaces <paramref name="from"/> with a resumed connection, unless another resumption already did.</summary>
    /// <param name="onlyIfQuiet">Give up if the connection got busy again while waiting for the send lock (the next quiet point retries).</param>
    private async Task ResumeAsync(GeminiLiveSocket from, string reason, bool onlyIfQuiet = false)
    {
        try
        {
            await _swapLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            string? handle;
            string instructions;
            byte[][] replay;
            lock (_gate)
            {
                if (_current != from || _lifetime.IsCancellationRequested || (onlyIfQuiet && !IsQuietLocked()))
                {
                    return;
                }

                _current = null;
                _goAwayPending = false;
                handle = _handle;
                instructions = _instructions;
                if (_responseOpen)
                {
                    // The answer in flight is lost with its connection; the replayed input brings a new one.
                    CloseResponseLocked(cancelled: true);
                }

                _pendingCalls.Clear();
                _inputText.Clear();
                replay = [.. _replay, .. _held];
                foreach (var held in _held)
                {
                    RememberLocked(held);
                }

                _held.Clear();
            }

            _ = from.CloseAsync();
            if (handle is null)
            {
                Fail("resumption_unavailable", $"Gemini Live ended the connection ({reason}) before it offered a session resumption handle.");
                return;
            }

            var next = await ReconnectAsync(handle, instructions, reason).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            lock (_gate)
            {
                _current = next;
                _handleIsCurrent = true;
            }

            StartReader(next);
            foreach (var message in replay)
            {
                await next.SendAsync(message, _lifetime.Token).ConfigureAwait(false);
            }

            GeminiLiveLog.SessionResumed(_logger, reason, replay.Length);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Disposed, or the new connection failed at once: its reader reports that and resumes again.
        }
        finally
        {
            try
            {
                _swapLock.Release();
            }
            catch (ObjectDisposedException)
            {
                // The session was disposed meanwhile.
            }
        }
    }

    private async Task<GeminiLiveSocket?> ReconnectAsync(string handle, string instructions, string reason)
    {
        var failure = "";
        for (var attempt = 1; attempt <= _options.ResumeAttempts; attempt++)
        {
            try
            {
                return await GeminiLiveSocket.OpenAsync(_setup.Address, _setup.ApiKey, _setup.ToMessage(instructions, handle),
                    _options.ConnectTimeout, _lifetime.Token).ConfigureAwait(false);
            }
            catch (GeminiLiveException exception)
            {
                failure = exception.Message;
                GeminiLiveLog.ResumptionAttemptFailed(_logger, attempt, _options.ResumeAttempts, failure);
                if (!exception.Retryable)
                {
                    break;
                }

                if (attempt < _options.ResumeAttempts)
                {
                    await Task.Delay(_options.ResumeBackoff * attempt, _lifetime.Token).ConfigureAwait(false);
                }
            }
        }

        Fail("resumption_failed", $"Gemini Live could not resume the session after {reason}: {failure}");
        return null;
    }

    /// <summary>The session is over: one fatal error, then the end of <see cref="Events"/>.</summary>
    private void Fail(string code, string message)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return;
        }

        GeminiLiveLog.SessionLost(_logger, code, message);
        lock (_gate)
        {
            _current = null;
            Emit(new ProviderError(code, message, Fatal: true));
            _events.Writer.TryComplete();
        }

        _outgoing.Writer.TryComplete();
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_lifetime.Token).ConfigureAwait(false))
            {
                await _swapLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                try
                {
                    GeminiLiveSocket? socket;
                    lock (_gate)
                    {
                        socket = _current;
                        if (message.Replayable && _goAwayPending)
                        {
                            _held.Add(message.Json);
                            continue;
                        }

                        if (message.Replayable)
                        {
                            RememberLocked(message.Json);
                        }
                    }

                    if (socket is null)
                    {
                        continue;
                    }

                    try
                    {
                        await socket.SendAsync(message.Json, _lifetime.Token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException
                                                          || (exception is OperationCanceledException && !_lifetime.IsCancellationRequested))
                    {
                        // The connection is going; its reader resumes the session and the replay carries this input over.
                    }
                }
                finally
                {
                    _swapLock.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private void RememberLocked(byte[] json)
    {
        _replay.Enqueue(json);
        _replayBytes += json.Length;
        while (_replayBytes > MaxReplayBytes && _replay.TryDequeue(out var oldest))
        {
            _replayBytes -= oldest.Length;
        }
    }
}
