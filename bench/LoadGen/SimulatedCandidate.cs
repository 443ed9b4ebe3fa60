using System.Buffers;
using System.Buffers.Text;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen;

/// <summary>
/// One candidate: one socket, one receive loop, one reusable send buffer. The timer wheel calls <see cref="Tick"/>
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

    private readonly ClientWebSocket _socket = new();
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
                await _socket.ConnectAsync(new Uri(options.Url, $"?candidate={index}"), cancellationToken);
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
        _interviewId = created.GetProperty("id").GetString();
        var socketUrl = created.GetProperty("websocketUrl").GetString()!;
        var token = created.GetProperty("candidateToken").GetString()!;
        // The gateway advertises its public URL; the benchmark reaches it where it was told to.
        var path = new Uri(socketUrl).AbsolutePath;
        var address = new UriBuilder(options.Url) { Scheme = options.Url.Scheme == "https" ? "wss" : "ws", Path = path, Query = $"token={Uri.EscapeDataString(token)}" }.Uri;
        await _socket.ConnectAsync(address, cancellationToken);
        await _socket.SendAsync("{\"type\":\"start_interview\"}"u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken);
    }

    private async Task ConnectDirectAsync(CancellationToken cancellationToken)
    {
        _socket.Options.SetRequestHeader("Authorization", "Bearer emulator-key");
        _socket.Options.AddSubProtocol("realtime");
        var address = new UriBuilder(options.Emulator) { Scheme = "ws", Path = "/v1/realtime", Query = "model=gpt-realtime" }.Uri;
        await _socket.ConnectAsync(address, cancellationToken);
        var instructions = $"You are interviewing. The candidate is Bench Candidate {index}.\\n1. Tell me about a system you built.\\n2. How do you test it?\\n3. What would you change?";
        var update = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"" + instructions
            + "\",\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"silence_duration_ms\":200}},"
            + "\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}}";
        await _socket.SendAsync(Encoding.UTF8.GetBytes(update), WebSocketMessageType.Text, true, cancellationToken);
        await _socket.SendAsync("{\"type\":\"response.create\"}"u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken);
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
            _pendingSend = _socket.SendAsync(message, options.Target == Target.Direct ? WebSocketMessageType.Text : WebSocketMessageType.Binary,
                endOfMessage: true, CancellationToken.None);
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
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(Math.Min(count, buffer.Length - 1024)), CancellationToken.None);
                    count = Math.Min(count + result.Count, buffer.Length);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    OnClosed();
                    return;
                }

                OnMessage(buffer.AsSpan(0, count), result.MessageType);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (_alive)
            {
                Fail("socket_lost");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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

        if (message.IndexOf("\"type\":\"reconnecting\""u8) >= 0)
        {
            stats.ReconnectNotice();
        }
        else if (message.IndexOf("\"type\":\"error\""u8) >= 0)
        {
            stats.Error("server_error_event");
        }
        else if (message.IndexOf("\"type\":\"interview_ended\""u8) >= 0)
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

    private void OnClosed()
    {
        if (_alive)
        {
            Fail(_socket.CloseStatus == (WebSocketCloseStatus)1012 ? "closed_reconnect" : "closed_by_server");
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
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "benchmark done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        _socket.Dispose();
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
