using System.Net.WebSockets;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Grains.Candidates;
using SyncHire.Grains.Metrics;

namespace SyncHire.Gateway.Candidates;

/// <summary>
/// Relays one candidate WebSocket to its interview grain's connection, both ways, without looking inside the frames:
/// the grain parses and answers the protocol. Two loops: the receive loop feeds client messages to the grain, the
/// send loop writes grain frames to the client. Sends are serialised through one gate because the receive loop
/// occasionally answers the client itself (an oversized message); a WebSocket allows only one sender at a time.
/// </summary>
internal sealed class CandidateSession(WebSocket socket, ICandidateConnection grain, int maxMessageBytes, ILogger logger)
{
    /// <summary>How long the client gets to answer our close frame before the socket is dropped.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private static readonly ConnectionClose CandidateClosed = new(1000, "candidate closed the connection");
    private static readonly ConnectionClose CandidateGone = new(1001, "candidate disconnected");
    private static readonly ConnectionClose GrainTooSlow = ConnectionClose.Lost("interview is not keeping up");

    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private volatile bool _clientClosedFirst;

    public async Task RunAsync(CancellationToken aborted)
    {
        var receiving = ReceiveFromClientAsync(aborted);
        await SendToClientAsync(aborted);
        try
        {
            await receiving.WaitAsync(CloseHandshakeTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await receiving;
        }
    }

    private async Task SendToClientAsync(CancellationToken aborted)
    {
        try
        {
            await foreach (var frame in grain.ReadAllAsync(aborted))
            {
                var type = frame.Kind == FrameKind.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                await SendAsync(frame.Payload, type, aborted);
                SyncHireMetrics.FrameOut();
            }

            await CloseClientAsync(await grain.Closed, aborted);
        }
        catch (Exception e) when (IsClientGone(e))
        {
            await CloseGrainAsync(CandidateGone);
        }
    }

    /// <summary>The grain side has ended: tell the client why, in the way its reconnect logic understands.</summary>
    private async Task CloseClientAsync(ConnectionClose close, CancellationToken aborted)
    {
        if (_clientClosedFirst)
        {
            // Complete the handshake the client started, echoing its own status.
            await CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, aborted);
            return;
        }

        if (ClientCloseStatus.IsLost(close))
        {
            CandidateRelayLog.InterviewConnectionLost(logger, close.Reason);
            await SendAsync(ServerEvents.Reconnecting(close.Reason), WebSocketMessageType.Text, aborted);
            await CloseOutputAsync(ClientCloseStatus.ServiceRestart, close.Reason, aborted);
            return;
        }

        await CloseOutputAsync(ClientCloseStatus.From(close), close.Reason, aborted);
    }

    private async Task ReceiveFromClientAsync(CancellationToken aborted)
    {
        using var message = new ReceiveBuffer(maxMessageBytes);
        try
        {
            while (true)
            {
                message.Clear();
                var tooLarge = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (message.IsFull && !message.TryGrow())
                    {
                        // Over the limit: keep reading to drain the rest of the message, overwriting what was read.
                        tooLarge = true;
                        message.Discard();
                    }

                    result = await socket.ReceiveAsync(message.Free, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await OnClientCloseAsync();
                        return;
                    }

                    message.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (tooLarge)
                {
                    await SendAsync(ServerEvents.Error(ErrorCodes.FrameTooLarge,
                        $"Messages may be at most {maxMessageBytes} bytes; this one was dropped."), WebSocketMessageType.Text, aborted);
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary && await grain.TrySendAudioAsync(message.Written))
                {
                    // Live audio, handed to the interview's provider session in place: the buffer is ours again.
                    SyncHireMetrics.FrameIn();
                    continue;
                }

                if (!Forward(result.MessageType, message.Written.Span))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (IsClientGone(e))
        {
            await CloseGrainAsync(CandidateGone);
        }
    }

    /// <summary>Queues one message for the grain. False when the session cannot go on.</summary>
    private bool Forward(WebSocketMessageType type, ReadOnlySpan<byte> message)
    {
        // The grain keeps the payload after TrySend returns, so it gets its own copy; the receive buffer is reused.
        var payload = message.ToArray();
        var frame = type == WebSocketMessageType.Text ? ConnectionFrame.Text(payload) : ConnectionFrame.Binary(payload);
        if (grain.TrySend(frame))
        {
            SyncHireMetrics.FrameIn();
            return true;
        }

        if (!grain.Closed.IsCompleted)
        {
            // Thousands of frames behind: the interview cannot keep up. Treat it as a lost connection, so the
            // candidate reconnects and the interview resumes rather than silently missing audio.
            CandidateRelayLog.InterviewConnectionFull(logger);
            SyncHireMetrics.Error("interview_too_slow");
            _ = CloseGrainAsync(GrainTooSlow);
        }

        return false;
    }

    private async Task OnClientCloseAsync()
    {
        if (grain.Closed.IsCompleted)
        {
            return; // The client is answering the close we sent.
        }

        _clientClosedFirst = true;
        await CloseGrainAsync(CandidateClosed);
    }

    private ValueTask CloseGrainAsync(ConnectionClose close) =>
        grain.Closed.IsCompleted ? ValueTask.CompletedTask : grain.CloseAsync(close);

    private async Task SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken aborted)
    {
        await _sendGate.WaitAsync(aborted);
        try
        {
            await socket.SendAsync(payload, type, endOfMessage: true, aborted);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task CloseOutputAsync(WebSocketCloseStatus status, string? reason, CancellationToken aborted)
    {
        await _sendGate.WaitAsync(aborted);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, ClientCloseStatus.Reason(reason), aborted);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private static bool IsClientGone(Exception e) =>
        e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;
}
