using System.Buffers;
using System.Buffers.Text;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Bench.LoadGen;

/// <summary>
/// One candidate: one socket (the shared <see cref="CandidateSocket"/>), one receive loop, one reusable send buffer
/// and one reusable receive buffer. The timer wheel calls <see cref="Tick"/>
/// every 20 ms: it fills the next frame (speech or quiet, stamped) and sends it without awaiting; if the previous
/// send has not completed the frame is skipped and counted, as a real-time source cannot wait. Turn-taking: speak
/// for <see cref="SpeechFrames"/> frames, then listen until the interviewer has spoken and gone quiet.
/// </summary>
public sealed class SimulatedCandidate(int index, BenchOptions options, PhaseStats stats, HttpClient http) : IFrameSource
{
    private const int SpeechFrames = 75;                       // 1.5 s answers
    private const long QuietAfterInterviewerMicros = 800_000;  // the interviewer has finished
    private const long MaxListenMicros = 10_000_000;           // answer anyway after 10 s of listening
    private static readonly byte[] AppendPrefix = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""u8.ToArray();
    private static readonly byte[] DeltaType = "\"response.output_audio.delta\""u8.ToArray();
    private static readonly byte[] DeltaField = "\"delta\":\""u8.ToArray();

    // The server events the candidate counts, found by their "type" in the raw frame: no parse on the receive path.
    private static readonly byte[] ReconnectingType = TypeField(ServerEventTypes.Reconnecting);
    private static readonly byte[] ErrorType = TypeField(ServerEventTypes.Error);
    private static readonly byte[] InterviewEndedType = TypeField(ServerEventTypes.InterviewEnded);

    private readonly ArrayBufferWriter<byte> _received = new(16 * 1024);
    private CandidateSocket? _socket;
    private readonly int _sampleRate = options.Target == Target.Direct ? 24_000 : 16_000;
    private byte[] _send = [];
    private ValueTask _pendingSend;
    private int _speechLeft;
    private long _listeningSince;
    private long _lastInterviewerAudio;
    private bool _heardInterviewer;
    private long _startedAt;
    private bool _firstAudioSeen;
    private volatile bool _alive;
    private string? _interviewId;

    public bool Alive => _alive;

    public Task Receiving { get; private set; } = Task.CompletedTask;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _startedAt = FrameStamp.NowMicros();
        var frameBytes = CandidateAudio.FrameBytes(_sampleRate);
        _send = options.Target == Target.Direct
            ? new byte[AppendPrefix.Length + Base64.GetMaxEncodedToUtf8Length(frameBytes) + 2 + frameBytes]
            : new byte[frameBytes];
        switch (options.Target)
        {
            case Target.SyncHire:
                await ConnectSyncHireAsync(cancellationToken);
                break;
            case Target.Peer:
                _socket = await CandidateSocket.ConnectAsync(new Uri(options.Url, $"?candidate={index}"), cancellationToken);
                break;
            case Target.Direct:
                await ConnectDirectAsync(cancellationToken);
                break;
        }

        _listeningSince = FrameStamp.NowMicros();
        _alive = true;
        stats.SessionConnected();
        Receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    private async Task ConnectSyncHireAsync(CancellationToken cancellationToken)
    {
        var questions = Enumerable.Range(1, 30).Select(q => $"Question {q}: tell me about a system you built, part {q}.").ToArray();
        using var response = await http.PostAsJsonAsync(new Uri(options.Url, "api/interviews"), new
        {
            candidateName = $"Bench Candidate {index}",
            jobTitle = "Backend Engineer",
            level = "intermediate",
            questions,
            provider = "openai",
            maxDurationMinutes = 60,
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var interviewId = created.GetProperty("id").GetString()!;
        _interviewId = interviewId;
        var token = created.GetProperty("candidateToken").GetString()!;
        // The gateway advertises its public URL (websocketUrl); the benchmark reaches it where it was told to.
        _socket = await CandidateSocket.ConnectAsync(CandidateSocket.Address(options.Url, interviewId, token), cancellationToken);
        await _socket.SendTextAsync(ClientEvents.StartInterview, cancellationToken);
    }

    private async Task ConnectDirectAsync(CancellationToken cancellationToken)
    {
        var address = new UriBuilder(options.Emulator) { Scheme = "ws", Path = "/v1/realtime", Query = "model=gpt-realtime" }.Uri;
        _socket = await CandidateSocket.ConnectAsync(address, cancellationToken, socket =>
        {
            socket.SetRequestHeader("Authorization", "Bearer emulator-key");
            socket.AddSubProtocol("realtime");
        });
        var instructions = $"You are interviewing. The candidate is Bench Candidate {index}.\\n1. Tell me about a system you built.\\n2. How do you test it?\\n3. What would you change?";
        var update = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"" + instructions
            + "\",\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"silence_duration_ms\":200}},"
            + "\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}}";
        await _socket.SendTextAsync(Encoding.UTF8.GetBytes(update), cancellationToken);
        await _socket.SendTextAsync("{\"type\":\"response.create\"}"u8.ToArray(), cancellationToken);
    }

    /// <summary>Called by the timer wheel every 20 ms: send the next frame, or count it skipped.</summary>
    public void Tick(long nowMicros)
    {
        if (!_alive)
        {
            return;
        }

        if (!_pendingSend.IsCompleted)
        {
            stats.FrameSkipped();
            return;
        }

        try
        {
            _pendingSend.GetAwaiter().GetResult();
            _pendingSend = default;
            var speaking = NextFrameIsSpeech(nowMicros);
            var message = Encode(speaking);
            _pendingSend = options.Target == Target.Direct
                ? _socket!.SendTextAsync(message, CancellationToken.None)
                : _socket!.SendAudioAsync(message, CancellationToken.None);
            stats.FrameSent();
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            Fail("send_failed");
        }
    }

    private bool NextFrameIsSpeech(long now)
    {
        if (_speechLeft > 0)
        {
            if (--_speechLeft == 0)
            {
                _listeningSince = now;
                _heardInterviewer = false;
            }

            return true;
        }

        var interviewerDone = _heardInterviewer && now - Volatile.Read(ref _lastInterviewerAudio) > QuietAfterInterviewerMicros;
        if (interviewerDone || now - _listeningSince > MaxListenMicros)
        {
            _speechLeft = SpeechFrames;
        }

        return false;
    }

    private ReadOnlyMemory<byte> Encode(bool speaking)
    {
        var frameBytes = CandidateAudio.FrameBytes(_sampleRate);
        if (options.Target != Target.Direct)
        {
            CandidateAudio.Fill(_send, _sampleRate, speaking);
            return _send;
        }

        // {"type":"input_audio_buffer.append","audio":"<base64>"}, encoded in place: the PCM sits at the buffer's tail.
        var pcm = _send.AsSpan(_send.Length - frameBytes);
        CandidateAudio.Fill(pcm, _sampleRate, speaking);
        AppendPrefix.CopyTo(_send, 0);
        Base64.EncodeToUtf8(pcm, _send.AsSpan(AppendPrefix.Length), out _, out var written);
        var end = AppendPrefix.Length + written;
        _send[end] = (byte)'"';
        _send[end + 1] = (byte)'}';
        return _send.AsMemory(0, end + 2);
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var type = await _socket!.ReceiveAsync(_received, CancellationToken.None);
                if (type == WebSocketMessageType.Close)
                {
                    OnClosed();
                    return;
                }

                OnMessage(_received.WrittenSpan, type);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (_alive)
            {
                Fail("socket_lost");
            }
        }
    }

    private void OnMessage(ReadOnlySpan<byte> message, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            OnInterviewerAudio(MemoryMarshal.Cast<byte, short>(message[..(message.Length / 2 * 2)]));
            return;
        }

        if (options.Target == Target.Direct)
        {
            if (message.IndexOf(DeltaType) >= 0)
            {
                OnInterviewerAudio(DecodeDeltaHead(message));
            }
            else if (message.IndexOf("\"type\":\"error\""u8) >= 0)
            {
                stats.Error("provider_error");
            }

            return;
        }

        if (message.IndexOf(ReconnectingType) >= 0)
        {
            stats.ReconnectNotice();
        }
        else if (message.IndexOf(ErrorType) >= 0)
        {
            stats.Error("server_error_event");
        }
        else if (message.IndexOf(InterviewEndedType) >= 0)
        {
            stats.Error("interview_ended_early");
        }
    }

    private void OnInterviewerAudio(ReadOnlySpan<short> samples)
    {
        var now = FrameStamp.NowMicros();
        if (!_firstAudioSeen)
        {
            _firstAudioSeen = true;
            stats.Start.Record(now - _startedAt);
        }

        Volatile.Write(ref _lastInterviewerAudio, now);
        _heardInterviewer = true;
        stats.AudioFrame();
        if (FrameStamp.TryRead(samples, out var stamp))
        {
            stats.Out.Record((now - stamp) & ((1L << 48) - 1));
        }
    }

    /// <summary>The first samples of a delta's base64 audio: enough to hold the stamp, without decoding the rest.</summary>
    private static short[] DecodeDeltaHead(ReadOnlySpan<byte> message)
    {
        var at = message.IndexOf(DeltaField);
        if (at < 0)
        {
            return [];
        }

        var text = message[(at + DeltaField.Length)..];
        var close = text.IndexOf((byte)'"');
        text = close < 0 ? text : text[..close];
        var head = Encoding.ASCII.GetString(text[..Math.Min(text.Length, 1024)])
            .Replace("\\u002B", "+", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal);
        head = head[..(head.Length / 4 * 4)];
        var bytes = Convert.FromBase64String(head);
        return MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, bytes.Length / 2 * 2)).ToArray();
    }

    private static byte[] TypeField(string type) => Encoding.UTF8.GetBytes($"\"type\":\"{type}\"");

    private void OnClosed()
    {
        if (_alive)
        {
            Fail(_socket?.Close?.Code == CandidateClose.ServiceRestart ? "closed_reconnect" : "closed_by_server");
        }
    }

    private void Fail(string kind)
    {
        if (_alive)
        {
            _alive = false;
            stats.Error(kind);
            stats.SessionFailed();
        }
    }

    public async Task CloseAsync()
    {
        _alive = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (_socket is { State: WebSocketState.Open } socket)
            {
                await socket.CloseOutputAsync("benchmark done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }

        if (_interviewId is not null)
        {
            // End it, so the next phase starts with no interviews (and provider sessions) left over from this one.
            try
            {
                using var ended = await http.PostAsync(new Uri(options.Url, $"api/interviews/{_interviewId}/end"), null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
    }
}
