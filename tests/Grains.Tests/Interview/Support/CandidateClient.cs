using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Candidates;
using SyncHire.Testing;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Support;

/// <summary>One frame the candidate received: a JSON event (with its type) or a binary audio frame.</summary>
internal sealed record ReceivedFrame(string? Type, JsonElement Event, ReadOnlyMemory<byte> Audio)
{
    public bool IsAudio => Type is null;
}

/// <summary>
/// The candidate's end of a real grain connection, opened through a silo's connector as its co-hosted gateway does. Frames are read in order; the Next… methods consume them like a client's message loop and keep
/// everything they pass in <see cref="Received"/>, so tests can assert on order as well as content.
/// </summary>
internal sealed class CandidateClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ICandidateConnection _connection;
    private readonly Channel<ReceivedFrame> _frames = Channel.CreateUnbounded<ReceivedFrame>();
    private readonly Task _reader;

    private CandidateClient(ICandidateConnection connection)
    {
        _connection = connection;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Every frame consumed so far, in arrival order.</summary>
    public List<ReceivedFrame> Received { get; } = [];

    public Task<ConnectionClose> Closed => _connection.Closed;

    public static async Task<CandidateClient> ConnectAsync(SyncHireTestCluster cluster, string interviewId) =>
        new(await cluster.Connector.ConnectAsync(interviewId, TestContext.Current.CancellationToken));

    public void SendJson(string json) => Assert.True(_connection.TrySend(ConnectionFrame.Text(Encoding.UTF8.GetBytes(json))), "send failed");

    /// <summary>As the socket relay sends audio: through the grain's shortcut when it takes it, else queued.</summary>
    public async Task SendBinaryAsync(byte[] pcm)
    {
        if (!await _connection.TrySendAudioAsync(pcm))
        {
            Assert.True(_connection.TrySend(ConnectionFrame.Binary(pcm)), "send failed");
        }
    }

    /// <summary>Consumes frames up to and including the next event of <paramref name="type"/> that matches.</summary>
    public async Task<JsonElement> NextAsync(string type, Func<JsonElement, bool>? match = null)
    {
        while (true)
        {
            var frame = await NextFrameAsync();
            if (frame.Type == type && (match is null || match(frame.Event)))
            {
                return frame.Event;
            }
        }
    }

    /// <summary>The next frame, whatever it is.</summary>
    public async Task<ReceivedFrame> NextFrameAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            var frame = await _frames.Reader.ReadAsync(timeout.Token);
            Received.Add(frame);
            return frame;
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException(
                $"The connection closed ({(await _connection.Closed).Code}) before the expected frame; received: {Describe()}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No frame within {Patience}; received: {Describe()}");
        }
    }

    /// <summary>Consumes every frame until the connection closes; returns the close.</summary>
    public async Task<ConnectionClose> DrainUntilClosedAsync()
    {
        try
        {
            while (true)
            {
                await NextFrameAsync();
            }
        }
        catch (InvalidOperationException)
        {
            return await _connection.Closed;
        }
    }

    /// <summary>The types of the events consumed so far (audio frames as "binary").</summary>
    public IEnumerable<string> ReceivedTypes => Received.Select(f => f.Type ?? "binary");

    public ValueTask CloseAsync() => _connection.CloseAsync(ConnectionClose.Normal);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _reader;
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var frame in _connection.ReadAllAsync())
            {
                _frames.Writer.TryWrite(frame.Kind == FrameKind.Binary
                    ? new ReceivedFrame(null, default, frame.Payload.ToArray())
                    : Parse(frame.Payload));
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    private static ReceivedFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        var json = JsonDocument.Parse(utf8).RootElement.Clone();
        return new ReceivedFrame(json.GetProperty("type").GetString(), json, default);
    }

    private string Describe() => string.Join(", ", ReceivedTypes.Where(t => t != "binary" && t != "ai_audio_chunk").TakeLast(30));
}
