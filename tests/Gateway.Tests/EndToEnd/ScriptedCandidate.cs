using System.Net.WebSockets;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.EndToEnd;

/// <summary>
/// A candidate as a test script plays one: connects with the interview's token, speaks (PCM16 16 kHz in 20 ms
/// frames, as the web app sends), listens to the interviewer, and records everything the server said.
/// </summary>
public sealed class ScriptedCandidate : IAsyncDisposable
{
    public const int SampleRate = 16_000;
    private const int FrameBytes = SampleRate / 50 * 2;

    private CandidateSocket _socket;

    private ScriptedCandidate(CandidateSocket socket) => _socket = socket;

    /// <summary>Every JSON event received, in order, across reconnects.</summary>
    public List<JsonElement> Events { get; } = [];

    /// <summary>Bytes of interviewer audio (PCM16 24 kHz) received.</summary>
    public long AudioBytesReceived { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<ScriptedCandidate> ConnectAsync(Uri socketAddress, CancellationToken cancellationToken) =>
        new(await CandidateSocket.ConnectAsync(socketAddress, cancellationToken));

    /// <summary>Drops the socket and connects again (the web app does this after `reconnecting`).</summary>
    public async Task ReconnectAsync(Uri socketAddress, CancellationToken cancellationToken)
    {
        await _socket.DisposeAsync();
        _socket = await CandidateSocket.ConnectAsync(socketAddress, cancellationToken);
    }

    public Task SendAsync(string type, CancellationToken cancellationToken) => _socket.SendEventAsync(type, cancellationToken);

    /// <summary>Reads until an event of <paramref name="type"/>; returns it. Fails if the socket closes first.</summary>
    public async Task<JsonElement> WaitForAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await _socket.ReceiveAsync(cancellationToken);
            if (message.Type == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException(
                    $"The socket closed ({_socket.CloseStatus} {_socket.CloseStatusDescription}) while waiting for '{type}'.");
            }

            if (message.Type == WebSocketMessageType.Binary)
            {
                AudioBytesReceived += message.Data.Length;
                continue;
            }

            var json = message.Json;
            Events.Add(json);
            if (json.GetProperty("type").GetString() == type)
            {
                return json;
            }
        }
    }

    /// <summary>Reads until the server closes the socket, recording what came before.</summary>
    public async Task WaitForCloseAsync(CancellationToken cancellationToken)
    {
        foreach (var message in await _socket.ReceiveUntilClosedAsync(cancellationToken))
        {
            if (message.Type == WebSocketMessageType.Binary)
            {
                AudioBytesReceived += message.Data.Length;
            }
            else
            {
                Events.Add(message.Json);
            }
        }
    }

    /// <summary>Waits until the interviewer has finished speaking (its whole utterance arrived).</summary>
    public async Task<string> ListenToInterviewerAsync(CancellationToken cancellationToken) =>
        (await WaitForAsync("ai_response_complete", cancellationToken)).GetProperty("text").GetString()!;

    /// <summary>
    /// Speaks for <paramref name="speech"/> (a voiced tone with syllable-like rhythm), then stays silent long
    /// enough for voice activity detection to end the turn. Frames go out as fast as the socket takes them: the
    /// server measures speech by samples, not by wall-clock time.
    /// </summary>
    public async Task AnswerAsync(TimeSpan speech, CancellationToken cancellationToken)
    {
        var pcm = Speech(speech, trailingSilence: TimeSpan.FromSeconds(1.2));
        for (var offset = 0; offset < pcm.Length; offset += FrameBytes)
        {
            await _socket.SendBinaryAsync(pcm.AsMemory(offset, Math.Min(FrameBytes, pcm.Length - offset)), cancellationToken);
        }
    }

    public static byte[] Speech(TimeSpan speech, TimeSpan trailingSilence)
    {
        var voiced = (int)(speech.TotalSeconds * SampleRate);
        var total = voiced + (int)(trailingSilence.TotalSeconds * SampleRate);
        var pcm = new byte[total * 2];
        for (var i = 0; i < voiced; i++)
        {
            // 180 Hz voice with a 4 Hz syllable envelope that never falls to silence.
            var envelope = 0.55 + 0.45 * Math.Sin(2 * Math.PI * 4 * i / SampleRate);
            var sample = (short)(9000 * envelope * Math.Sin(2 * Math.PI * 180 * i / SampleRate));
            pcm[2 * i] = (byte)sample;
            pcm[2 * i + 1] = (byte)(sample >> 8);
        }

        return pcm;
    }

    public IEnumerable<JsonElement> EventsOfType(string type) => Events.Where(e => e.GetProperty("type").GetString() == type);

    public ValueTask DisposeAsync() => _socket.DisposeAsync();
}
