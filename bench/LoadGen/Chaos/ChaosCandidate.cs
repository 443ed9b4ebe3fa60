using System.Buffers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// A candidate who answers continuously (1.5 s of speech after each time the interviewer falls quiet, a
/// microphone streaming 20 ms frames all along) and, like the web app, reconnects through any gateway when told
/// `reconnecting` or when its socket drops. It records every transcript turn the server acknowledged as final, and
/// how long each outage lasted until the interview served it again (the `resumed` event).
/// </summary>
public sealed class ChaosCandidate(string interviewId, string token, IReadOnlyList<Uri> gateways, int firstGateway) : IFrameSource
{
    private const int SpeechFrames = 75;
    private const long QuietAfterInterviewerMicros = 600_000;
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(45);

    private readonly Lock _gate = new();
    private readonly List<(string Speaker, string Text, long At)> _finalTurns = [];
    private readonly List<TimeSpan> _outages = [];
    private readonly byte[] _frame = new byte[CandidateAudio.FrameBytes(16_000)];
    private ClientWebSocket? _socket;
    private ValueTask _pendingSend;
    private int _gateway = firstGateway;
    private int _speechLeft;
    private long _lastInterviewerAudio;
    private bool _heardInterviewer;
    private long _lostAt = -1;
    private volatile bool _stopped;

    public string InterviewId { get; } = interviewId;

    public int ReconnectNotices { get; private set; }

    public int ErrorEvents { get; private set; }

    /// <summary>Set when an outage outlasted the reconnect deadline or the interview ended for a reason other than completion.</summary>
    public string? Failure { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>True while disconnected and trying to get back.</summary>
    public bool Recovering => Volatile.Read(ref _lostAt) >= 0;

    public IReadOnlyList<(string Speaker, string Text, long At)> FinalTurns
    {
        get
        {
            lock (_gate)
            {
                return [.. _finalTurns];
            }
        }
    }

    public IReadOnlyList<TimeSpan> Outages
    {
        get
        {
            lock (_gate)
            {
                return [.. _outages];
            }
        }
    }

    public static async Task<ChaosCandidate> CreateAsync(HttpClient http, IReadOnlyList<Uri> gateways, int index, CancellationToken cancellationToken)
    {
        var gateway = gateways[index % gateways.Count];
        var created = await CreateInterviewAsync(http, gateway, $"Chaos Candidate {index}", cancellationToken);
        var candidate = new ChaosCandidate(created.Id, created.Token, gateways, index);
        await candidate.ConnectAsync(cancellationToken);
        return candidate;
    }

    /// <summary>POST /api/interviews with the offline interviewer and enough questions to outlast the run.</summary>
    public static async Task<(string Id, string Token)> CreateInterviewAsync(HttpClient http, Uri gateway, string name, CancellationToken cancellationToken)
    {
        var questions = Enumerable.Range(1, 30).Select(q => $"Question {q}: describe a failure you handled, part {q}.").ToArray();
        using var response = await http.PostAsJsonAsync(new Uri(gateway, "api/interviews"),
            new { candidateName = name, jobTitle = "Site Reliability Engineer", level = "advanced", questions, provider = "offline" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()!);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var gateway = gateways[_gateway % gateways.Count];
        var address = new UriBuilder(gateway) { Scheme = "ws", Path = $"/ws/interviews/{InterviewId}", Query = $"token={Uri.EscapeDataString(token)}" }.Uri;
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(address, timeout.Token);
            await socket.SendAsync("{\"type\":\"start_interview\"}"u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _pendingSend = default;
        _socket = socket;
        _ = Task.Run(() => ReceiveAsync(socket), CancellationToken.None);
    }

    public void Tick(long nowMicros)
    {
        if (_socket is not { State: WebSocketState.Open } socket || _stopped || !_pendingSend.IsCompleted)
        {
            return;
        }

        try
        {
            _pendingSend.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // The receive loop notices the loss and reconnects.
        }

        var speaking = _speechLeft > 0;
        if (speaking)
        {
            _speechLeft--;
        }
        else if (_heardInterviewer && nowMicros - Volatile.Read(ref _lastInterviewerAudio) > QuietAfterInterviewerMicros)
        {
            _heardInterviewer = false;
            _speechLeft = SpeechFrames;
        }

        CandidateAudio.Fill(_frame, 16_000, speaking);
        try
        {
            _pendingSend = socket.SendAsync(_frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _pendingSend = default;
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(count, buffer.Length - 4096)), CancellationToken.None);
                    count = Math.Min(count + result.Count, buffer.Length);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    Volatile.Write(ref _lastInterviewerAudio, FrameStamp.NowMicros());
                    _heardInterviewer = true;
                    continue;
                }

                OnEvent(buffer.AsSpan(0, count));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        socket.Dispose();
        if (!_stopped && EndReason is null)
        {
            await ReconnectAsync();
        }
    }

    private void OnEvent(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "transcript" when root.TryGetProperty("final", out var final) && final.GetBoolean():
                lock (_gate)
                {
                    _finalTurns.Add((root.GetProperty("speaker").GetString()!, root.GetProperty("text").GetString()!, FrameStamp.NowMicros()));
                }

                break;
            case "reconnecting":
                ReconnectNotices++;
                break;
            case "resumed" when Recovering:
                var lostAt = Interlocked.Exchange(ref _lostAt, -1);
                lock (_gate)
                {
                    _outages.Add(TimeSpan.FromMicroseconds(FrameStamp.NowMicros() - lostAt));
                }

                break;
            case "error":
                ErrorEvents++;
                break;
            case "interview_ended":
                EndReason = root.GetProperty("reason").GetString();
                if (EndReason != "completed")
                {
                    Failure = $"interview ended: {EndReason}";
                }

                break;
        }
    }

    /// <summary>Like the web app: try the gateways in turn until one connects us to the interview again.</summary>
    private async Task ReconnectAsync()
    {
        Interlocked.CompareExchange(ref _lostAt, FrameStamp.NowMicros(), -1);
        var deadline = DateTime.UtcNow + ReconnectDeadline;
        while (!_stopped && DateTime.UtcNow < deadline)
        {
            _gateway++;
            try
            {
                await ConnectAsync(CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                await Task.Delay(250);
            }
        }

        if (!_stopped)
        {
            Failure = $"could not reconnect within {ReconnectDeadline.TotalSeconds:0} s";
        }
    }

    public async Task StopAsync()
    {
        _stopped = true;
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "chaos run done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }
}
