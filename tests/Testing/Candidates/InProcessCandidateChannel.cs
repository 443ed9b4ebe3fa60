using System.Threading.Channels;
using SyncHire.Grains.Candidates;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Testing.Candidates;

/// <summary>
/// The candidate's end of a real grain connection, opened through a silo's connector as its co-hosted gateway does,
/// as a <see cref="ICandidateChannel"/> for <see cref="CandidateClient"/>. Frames are drained as they arrive (as the
/// gateway's send loop does), so a test that reads slowly is never the slow peer the connection drops.
/// </summary>
public sealed class InProcessCandidateChannel : ICandidateChannel
{
    private readonly ICandidateConnection _connection;
    private readonly Channel<ServerFrame> _frames = Channel.CreateUnbounded<ServerFrame>();
    private readonly Task _reader;

    public InProcessCandidateChannel(ICandidateConnection connection)
    {
        _connection = connection;
        _reader = Task.Run(ReadAsync);
    }

    public CandidateClose? Close { get; private set; }

    public ValueTask SendTextAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        _connection.TrySend(ConnectionFrame.Text(utf8Json)) ? ValueTask.CompletedTask : throw SendFailed();

    /// <summary>As the socket relay sends audio: through the grain's shortcut when it takes it, else queued.</summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken)
    {
        if (!await _connection.TrySendAudioAsync(pcm16) && !_connection.TrySend(ConnectionFrame.Binary(pcm16)))
        {
            throw SendFailed();
        }
    }

    public async ValueTask<ServerFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (await _frames.Reader.WaitToReadAsync(cancellationToken) && _frames.Reader.TryRead(out var frame))
        {
            return frame;
        }

        var close = await _connection.Closed;
        Close = new CandidateClose(close.Code, close.Reason);
        return null;
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken) => _connection.CloseAsync(ConnectionClose.Normal);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _reader;
    }

    private static InvalidOperationException SendFailed() => new("The connection refused the frame (closed, or the grain too slow).");

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var frame in _connection.ReadAllAsync())
            {
                _frames.Writer.TryWrite(frame.Kind == FrameKind.Binary
                    ? ServerFrame.FromAudio(frame.Payload.Span)
                    : ServerFrame.FromJson(frame.Payload.Span));
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
