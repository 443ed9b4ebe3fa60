using System.Text;
using System.Text.Json;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.TestSupport.Candidates;

/// <summary>
/// A candidate as a test plays one, over a gateway's WebSocket or a silo's in-process connection: sends the
/// protocol's client events and PCM frames, and reads the server's frames in order like a client's message loop.
/// Everything read is kept in <see cref="Received"/> (across reconnects), so tests can assert on order as well as
/// content. Every read waits at most <see cref="Patience"/>, and fails with what arrived so far.
/// </summary>
public sealed class CandidateClient(ICandidateChannel channel, CancellationToken stopping = default) : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan AnswerSilence = TimeSpan.FromSeconds(1.2);

    private ICandidateChannel _channel = channel;

    /// <summary>Every frame consumed so far, in arrival order.</summary>
    public List<ServerFrame> Received { get; } = [];

    /// <summary>The types of the frames consumed so far (audio frames as <see cref="ServerFrame.BinaryType"/>).</summary>
    public IEnumerable<string> ReceivedTypes => Received.Select(f => f.Type ?? ServerFrame.BinaryType);

    /// <summary>Every JSON event consumed so far.</summary>
    public IEnumerable<JsonElement> Events => Received.Where(f => !f.IsAudio).Select(f => f.Event);

    /// <summary>Bytes of interviewer audio (PCM16 24 kHz) consumed so far.</summary>
    public long AudioBytesReceived { get; private set; }

    /// <summary>Set once the server has closed the connection.</summary>
    public CandidateClose? Close => _channel.Close;

    /// <summary>Connects to a gateway's candidate socket (<see cref="CandidateSocket.Address"/>).</summary>
    public static async Task<CandidateClient> ConnectAsync(Uri socketAddress, CancellationToken cancellationToken) =>
        new(await CandidateSocket.ConnectAsync(socketAddress, cancellationToken));

    /// <summary>Drops the socket and connects again, as the web app does after <c>reconnecting</c>; <see cref="Received"/> carries on.</summary>
    public async Task ReconnectAsync(Uri socketAddress, CancellationToken cancellationToken)
    {
        await _channel.DisposeAsync();
        _channel = await CandidateSocket.ConnectAsync(socketAddress, cancellationToken);
    }

    public IEnumerable<JsonElement> EventsOfType(string type) => Received.Where(f => f.Type == type).Select(f => f.Event);

    public Task StartInterviewAsync(CancellationToken cancellationToken = default) => SendAsync(ClientEvents.StartInterview, cancellationToken);

    public Task StartInterviewAsync(bool consent, CancellationToken cancellationToken = default) =>
        SendAsync(ClientEvents.StartInterviewWithConsent(consent), cancellationToken);

    /// <summary>send_for_AI_processing: the candidate has finished speaking.</summary>
    public Task CommitTurnAsync(CancellationToken cancellationToken = default) => SendAsync(ClientEvents.CommitTurn, cancellationToken);

    public Task SendTextAnswerAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(ClientEvents.TextAnswer(text), cancellationToken);

    public Task EndInterviewAsync(CancellationToken cancellationToken = default) => SendAsync(ClientEvents.EndInterview, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => SendAsync(ClientEvents.Ping, cancellationToken);

    /// <summary>An event with only a type (<see cref="ClientMessageTypes"/>, or one the server does not know).</summary>
    public Task SendEventAsync(string type, CancellationToken cancellationToken = default) => SendAsync(ClientEvents.OfType(type), cancellationToken);

    /// <summary>Any text frame as written, for the tests of malformed, oversized or extended messages.</summary>
    public Task SendJsonAsync(string json, CancellationToken cancellationToken = default) =>
        SendAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    /// <summary>One binary frame of PCM16 16 kHz.</summary>
    public Task SendAudioAsync(ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken = default) =>
        _channel.SendAudioAsync(pcm16, cancellationToken).AsTask();

    /// <summary>
    /// Sends <paramref name="pcm16"/> in 20 ms frames as the web app does, as fast as the connection takes them: the
    /// server measures speech by samples, not by wall-clock time.
    /// </summary>
    public async Task SpeakAsync(ReadOnlyMemory<byte> pcm16, CancellationToken cancellationToken = default)
    {
        for (var offset = 0; offset < pcm16.Length; offset += TestAudio.FrameBytes)
        {
            await SendAudioAsync(pcm16.Slice(offset, Math.Min(TestAudio.FrameBytes, pcm16.Length - offset)), cancellationToken);
        }
    }

    /// <summary>Speaks for <paramref name="speech"/>, then stays silent long enough for voice activity detection to end the turn.</summary>
    public Task AnswerAsync(TimeSpan speech, CancellationToken cancellationToken = default) =>
        SpeakAsync(TestAudio.Speech(speech, AnswerSilence), cancellationToken);

    /// <summary>Waits until the interviewer has finished speaking (its whole utterance arrived); returns what it said.</summary>
    public async Task<string> ListenToInterviewerAsync(CancellationToken cancellationToken = default) =>
        (await WaitForAsync(ServerEventTypes.AiResponseComplete, cancellationToken)).GetProperty("text").GetString()!;

    /// <summary>Consumes frames up to and including the next event of <paramref name="type"/>; returns it.</summary>
    public Task<JsonElement> WaitForAsync(string type, CancellationToken cancellationToken = default) => WaitForAsync(type, null, cancellationToken);

    /// <summary>Consumes frames up to and including the next event of <paramref name="type"/> that matches.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool>? match, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var frame = await NextFrameAsync(cancellationToken);
            if (frame.Type == type && (match is null || match(frame.Event)))
            {
                return frame.Event;
            }
        }
    }

    /// <summary>The next frame, whatever it is. Fails if the server closes first.</summary>
    public async Task<ServerFrame> NextFrameAsync(CancellationToken cancellationToken = default) =>
        await TryNextFrameAsync(cancellationToken)
        ?? throw new InvalidOperationException($"The server closed the connection ({Close?.Code} {Close?.Reason}) before the expected frame; received: {Describe()}");

    /// <summary>Consumes every frame until the server closes the connection; returns how it closed.</summary>
    public async Task<CandidateClose> ReadUntilClosedAsync(CancellationToken cancellationToken = default)
    {
        while (await TryNextFrameAsync(cancellationToken) is not null)
        {
        }

        return Close!;
    }

    /// <summary>Closes normally from the candidate's side.</summary>
    public Task CloseAsync(CancellationToken cancellationToken = default) => _channel.CloseAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    private Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) => _channel.SendTextAsync(utf8Json, cancellationToken).AsTask();

    private async Task<ServerFrame?> TryNextFrameAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        patience.CancelAfter(Patience);
        ServerFrame? frame;
        try
        {
            frame = await _channel.ReceiveAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"No frame within {Patience}; received: {Describe()}");
        }

        if (frame is not null)
        {
            Received.Add(frame);
            AudioBytesReceived += frame.Audio.Length;
        }

        return frame;
    }

    /// <summary>The last events consumed, for failure messages (audio and its announcements left out).</summary>
    private string Describe() =>
        string.Join(", ", ReceivedTypes.Where(t => t is not (ServerFrame.BinaryType or ServerEventTypes.AiAudioChunk)).TakeLast(30));
}
