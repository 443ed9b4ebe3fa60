using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// A candidate who answers continuously (1.5 s of speech after each time the interviewer falls quiet, a microphone
/// streaming 20 ms frames all along) and, like the web app behind a list of addresses, reconnects when its socket
/// drops or it is told `reconnecting`: it tries the NEXT process's URL, and the one after, until one serves the
/// interview again. There is no load balancer: the candidate knows every process's URL (the list grows when a process
/// joins) and rotates. It records every transcript turn the server acknowledged as final, which process its socket is
/// on (that process hosts its interview: the grain migrates to the socket's silo), each `resumed` (with whether the
/// transcript it carried still held every turn acknowledged before) and the first interviewer audio after it.
/// </summary>
public sealed class ChaosCandidate(string interviewId, string token, Func<IReadOnlyList<Uri>> processes, int firstProcess) : IFrameSource
{
    private const int SpeechFrames = 75;
    private const long QuietAfterInterviewerMicros = 600_000;
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(45);

    /// <summary>
    /// One connection attempt, the WebSocket upgrade included: the process answers it only once the interview's grain
    /// is attached in its silo. An attempt that hangs (e.g. on a grain still registered to a dead silo) is abandoned
    /// and the next process tried.
    /// </summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly List<(string Speaker, string Text)> _finalTurns = [];
    private readonly List<TimeSpan> _outages = [];
    private readonly List<Resume> _resumes = [];
    private readonly Dictionary<string, int> _reconnectReasons = [];
    private readonly byte[] _frame = new byte[CandidateAudio.FrameBytes(16_000)];
    private CandidateSocket? _socket;
    private Uri? _connectedTo;
    private ValueTask _pendingSend;
    private int _process = firstProcess;
    private int _speechLeft;
    private long _lastInterviewerAudio;
    private bool _heardInterviewer;
    private long _lostAt = -1;
    private int _turnsAtLoss;
    private volatile bool _stopped;

    /// <summary>A `resumed` event: when it came, through which process, whether the interviewer spoke again after it.</summary>
    public sealed record Resume(long At, Uri Process, int MissingTurns)
    {
        /// <summary><see cref="Stopwatch"/> timestamp of the first interviewer audio after this resume; 0 until then.</summary>
        public long AudioAt { get; set; }
    }

    public string InterviewId { get; } = interviewId;

    public int ReconnectNotices { get; private set; }

    /// <summary>Why the server sent `reconnecting` (its reason), with how often.</summary>
    public IReadOnlyDictionary<string, int> ReconnectReasons
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_reconnectReasons);
            }
        }
    }

    public int ErrorEvents { get; private set; }

    /// <summary>Set when an outage outlasted the reconnect deadline or the interview ended for a reason other than completion.</summary>
    public string? Failure { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>True while disconnected and trying to get back.</summary>
    public bool Recovering => Volatile.Read(ref _lostAt) >= 0;

    /// <summary>The process the candidate's socket is on (which hosts its interview), or null while disconnected.</summary>
    public Uri? ConnectedTo => Volatile.Read(ref _connectedTo);

    /// <summary>Acknowledged final turns the transcript of a `resumed` event did not carry (lost when the interview reactivated).</summary>
    public int TurnsMissingAtResume
    {
        get
        {
            lock (_gate)
            {
                return _resumes.Sum(r => r.MissingTurns);
            }
        }
    }

    public IReadOnlyList<(string Speaker, string Text)> FinalTurns
    {
        get
        {
            lock (_gate)
            {
                return [.. _finalTurns];
            }
        }
    }

    /// <summary>Per reconnection: socket lost → `resumed` from the interview's new activation.</summary>
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

    /// <summary>The first `resumed` at or after <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp), if any yet.</summary>
    public Resume? FirstResumeSince(long since)
    {
        lock (_gate)
        {
            return _resumes.FirstOrDefault(r => r.At >= since);
        }
    }

    /// <summary>Creates an interview through one process and connects its candidate's socket through another (or the same).</summary>
    public static async Task<ChaosCandidate> CreateAsync(
        HttpClient http, Func<IReadOnlyList<Uri>> processes, int createThrough, int connectThrough, string name, CancellationToken cancellationToken)
    {
        var created = await CreateInterviewAsync(http, processes()[createThrough], name, cancellationToken);
        var candidate = new ChaosCandidate(created.Id, created.Token, processes, connectThrough);
        await candidate.ConnectAsync(cancellationToken);
        return candidate;
    }

    /// <summary>POST /api/interviews with the offline interviewer and enough questions (the most allowed) to outlast the run.</summary>
    public static async Task<(string Id, string Token)> CreateInterviewAsync(HttpClient http, Uri process, string name, CancellationToken cancellationToken)
    {
        var questions = Enumerable.Range(1, 30).Select(q => $"Question {q}: describe a failure you handled, part {q}.").ToArray();
        using var response = await http.PostAsJsonAsync(new Uri(process, "api/interviews"),
            new { candidateName = name, jobTitle = "Site Reliability Engineer", level = "advanced", questions, provider = "offline" }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {process}api/interviews: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (created.GetProperty("id").GetString()!, created.GetProperty("candidateToken").GetString()!);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var addresses = processes();
        var process = addresses[_process % addresses.Count];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        var socket = await CandidateSocket.ConnectAsync(CandidateSocket.Address(process, InterviewId, token), timeout.Token);
        try
        {
            await socket.SendTextAsync(ClientEvents.StartInterview, timeout.Token);
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }

        _pendingSend = default;
        _socket = socket;
        Volatile.Write(ref _connectedTo, process);
        _ = Task.Run(() => ReceiveAsync(socket, process), CancellationToken.None);
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
            _pendingSend = socket.SendAudioAsync(_frame, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _pendingSend = default;
        }
    }

    private async Task ReceiveAsync(CandidateSocket socket, Uri process)
    {
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                var type = await socket.ReceiveAsync(message, CancellationToken.None);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (type == WebSocketMessageType.Binary)
                {
                    OnInterviewerAudio();
                    continue;
                }

                OnEvent(ServerFrame.FromJson(message.WrittenSpan), process);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or JsonException)
        {
        }

        Volatile.Write(ref _connectedTo, null);
        await socket.DisposeAsync();
        if (!_stopped && EndReason is null)
        {
            await ReconnectAsync();
        }
    }

    private void OnInterviewerAudio()
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastInterviewerAudio, FrameStamp.NowMicros());
        _heardInterviewer = true;
        lock (_gate)
        {
            if (_resumes.Count > 0 && _resumes[^1].AudioAt == 0)
            {
                _resumes[^1].AudioAt = now;
            }
        }
    }

    private void OnEvent(ServerFrame frame, Uri process)
    {
        var root = frame.Event;
        switch (frame.Type)
        {
            case ServerEventTypes.Transcript when root.TryGetProperty("final", out var final) && final.GetBoolean():
                lock (_gate)
                {
                    _finalTurns.Add((root.GetProperty("speaker").GetString()!, root.GetProperty("text").GetString()!));
                }

                break;
            case ServerEventTypes.Reconnecting:
                ReconnectNotices++;
                var reason = root.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
                lock (_gate)
                {
                    _reconnectReasons[reason] = _reconnectReasons.GetValueOrDefault(reason) + 1;
                }

                break;
            case ServerEventTypes.Resumed:
                OnResumed(root, process);
                break;
            case ServerEventTypes.Error:
                ErrorEvents++;
                break;
            case ServerEventTypes.InterviewEnded:
                EndReason = root.GetProperty("reason").GetString();
                if (EndReason != EndReasons.Completed)
                {
                    Failure = $"interview ended: {EndReason}";
                }

                break;
        }
    }

    /// <summary>
    /// The interview is served again. Its `resumed` carries the stored transcript: every turn acknowledged before the
    /// socket dropped must be in it (a reactivation from stale state would lose them for good).
    /// </summary>
    private void OnResumed(JsonElement root, Uri process)
    {
        var now = Stopwatch.GetTimestamp();
        var stored = root.TryGetProperty("transcript", out var transcript)
            ? transcript.EnumerateArray().Select(t => (t.GetProperty("speaker").GetString()!, t.GetProperty("text").GetString()!)).ToList()
            : [];
        lock (_gate)
        {
            var acknowledged = Recovering ? _turnsAtLoss : _finalTurns.Count;
            var missing = 0;
            var next = 0;
            foreach (var turn in _finalTurns.Take(acknowledged))
            {
                var found = stored.FindIndex(next, s => s == turn);
                if (found < 0)
                {
                    missing++;
                    continue;
                }

                next = found + 1;
            }

            _resumes.Add(new Resume(now, process, missing));
            var lostAt = Interlocked.Exchange(ref _lostAt, -1);
            if (lostAt >= 0)
            {
                _outages.Add(Stopwatch.GetElapsedTime(lostAt, now));
            }
        }
    }

    /// <summary>Like the web app: the next process's URL, then the one after, until one connects us to the interview again.</summary>
    private async Task ReconnectAsync()
    {
        lock (_gate)
        {
            if (Interlocked.CompareExchange(ref _lostAt, Stopwatch.GetTimestamp(), -1) == -1)
            {
                _turnsAtLoss = _finalTurns.Count;
            }
        }

        var deadline = Stopwatch.StartNew();
        while (!_stopped && deadline.Elapsed < ReconnectDeadline)
        {
            _process++;
            try
            {
                await ConnectAsync(CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
            {
                // Refused (a dead process's port) or not served yet: on to the next process after a breath.
                await Task.Delay(100);
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
                await socket.CloseOutputAsync("chaos run done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }
}
