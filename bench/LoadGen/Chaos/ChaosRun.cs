using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// The chaos scenario on one machine: a private PostgreSQL and N co-hosted SyncHire processes (each the REST API,
/// candidate WebSockets and an Orleans silo), every one a separate process on loopback ports; candidates answering
/// continuously, spread across the processes (half of them connect through another process than the one that created
/// their interview, so the grain migrates to the socket's silo). Then: kill -9 the process hosting the most interviews
/// and measure, per interrupted interview, the time from the kill until it is served again through another process;
/// start a new process and see it take new interviews; restart PostgreSQL under load and wait until every interview
/// progresses again. Finally compare each candidate's acknowledged final turns with the transcript the API returns.
/// Every wait polls a condition against a deadline; nothing sleeps to synchronise.
/// </summary>
public sealed class ChaosRun(ChaosOptions options, TextWriter log) : IAsyncDisposable
{
    private readonly List<ClusterProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly string _signingKey = Convert.ToBase64String([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]);
    private readonly List<ChaosCandidate> _candidates = [];
    private PrivatePostgres? _postgres;
    private TimerWheel? _wheel;
    private int _failedReads;

    /// <summary>Every process URL a candidate may use, in start order; a killed process's stays (clients don't know it died).</summary>
    private volatile Uri[] _addresses = [];

    public async Task<ChaosReport> RunAsync(CancellationToken cancellationToken)
    {
        _postgres = await PrivatePostgres.StartAsync(cancellationToken);
        await _postgres.CreateDatabaseAsync(cancellationToken);
        Log($"PostgreSQL on :{_postgres.Port}");

        var processes = Enumerable.Range(1, options.Processes).Select(n => StartProcess($"process-{n}")).ToList();
        await Task.WhenAll(processes.Select(p => p.WaitReadyAsync(_http, TimeSpan.FromSeconds(90), cancellationToken)));
        await UntilClusterFormedAsync(processes, cancellationToken);
        Log($"{processes.Count} co-hosted processes ready, one cluster: "
            + string.Join(", ", processes.Select(p => $"{p.Name} {p.Address.Authority} silo :{p.SiloPort} pid {p.Pid}")));

        _wheel = new TimerWheel();
        var created = await Task.WhenAll(Enumerable.Range(0, options.Interviews).Select(i =>
        {
            // Sockets spread evenly; every other interview is created through the next process, so its grain is
            // activated there (local placement) and then migrates to the process its candidate's socket is on.
            var connect = i % processes.Count;
            var create = i % 2 == 0 ? connect : (connect + 1) % processes.Count;
            return ChaosCandidate.CreateAsync(_http, () => _addresses, create, connect, $"Chaos Candidate {i}", cancellationToken);
        }));
        foreach (var candidate in created)
        {
            _candidates.Add(candidate);
            _wheel.Add(candidate);
        }

        var migratedAtConnect = Enumerable.Range(0, options.Interviews).Count(i => i % 2 == 1);
        Log($"{_candidates.Count} interviews running ({migratedAtConnect} connected through another process than the one that created them); "
            + "waiting for each to complete a turn");
        await UntilAsync("every interview completed a turn", () => _candidates.All(c => c.FinalTurns.Count >= 2), cancellationToken);
        await SteadyAsync(cancellationToken);

        // 1. kill -9 the process hosting the most interviews: the one most candidates' sockets are on (each interview's
        //    grain lives in its socket's process), cross-checked with each process's interview activations.
        var hosting = await HostingAsync(processes, _candidates, cancellationToken);
        var victim = processes.OrderByDescending(p => hosting[p.Name].Sockets).ThenByDescending(p => hosting[p.Name].Activations).First();
        var affected = _candidates.Where(c => c.ConnectedTo == victim.Address).ToList();
        var beforeKill = _candidates.ToDictionary(c => c, c => c.FinalTurns.Count);
        var outagesBeforeKill = _candidates.ToDictionary(c => c, c => c.Outages.Count);
        Log("interviews per process (sockets / interview activations / live provider sessions): "
            + string.Join(", ", hosting.Select(h => $"{h.Key} {h.Value.Sockets}/{h.Value.Activations:0}/{h.Value.Sessions:0}")));
        var killedAt = Stopwatch.GetTimestamp();
        victim.Kill();
        Log($"kill -9 {victim.Name} (pid {victim.Pid}), hosting {affected.Count} interviews");
        await UntilAsync($"the interviews of {victim.Name} are served again elsewhere and every interview progresses",
            () => affected.All(c => c.Failure is not null || c.FirstResumeSince(killedAt) is not null)
                && _candidates.All(c => !c.Recovering && (c.Failure is not null || c.FinalTurns.Count > beforeKill[c])), cancellationToken);
        var untilServed = Stopwatch.GetElapsedTime(killedAt);
        var resumes = affected.Select(c => c.FirstResumeSince(killedAt)).OfType<ChaosCandidate.Resume>().ToList();
        var killOutages = resumes.Select(r => Stopwatch.GetElapsedTime(killedAt, r.At)).ToList();
        var killAudioOutages = affected.Select(c => c.FirstResumeSince(killedAt)).OfType<ChaosCandidate.Resume>()
            .Where(r => r.AudioAt != 0).Select(r => Stopwatch.GetElapsedTime(killedAt, r.AudioAt)).ToList();
        var servedOn = resumes.GroupBy(r => ProcessName(processes, r.Process)).ToDictionary(g => g.Key, g => g.Count());
        // Interviews on the surviving processes should carry on untouched; any that were interrupted all the same are
        // measured the same way (kill → served again).
        var bystanders = _candidates.Except(affected).Where(c => c.Outages.Count > outagesBeforeKill[c]).ToList();
        var bystanderOutages = bystanders.Select(c => c.FirstResumeSince(killedAt)).OfType<ChaosCandidate.Resume>()
            .Select(r => Stopwatch.GetElapsedTime(killedAt, r.At)).ToList();
        Log($"{resumes.Count} of {affected.Count} interrupted interviews served again (max {Max(killOutages).TotalMilliseconds:0} ms after the kill, "
            + $"on {string.Join(", ", servedOn.Select(s => $"{s.Key} {s.Value}"))}); {bystanders.Count} interviews on other processes interrupted too "
            + $"(max {Max(bystanderOutages).TotalMilliseconds:0} ms); all interviews progressing {untilServed.TotalMilliseconds:0} ms after the kill");

        // 2. a new process joins; new interviews created and connected through it are hosted and served by it.
        var joining = StartProcess($"process-{options.Processes + 1}");
        processes.Add(joining);
        await joining.WaitReadyAsync(_http, TimeSpan.FromSeconds(90), cancellationToken);
        var live = processes.Where(p => !p.Exited).ToList();
        await UntilClusterFormedAsync(live, cancellationToken);
        var activationsBeforeJoin = await ActivationsAsync(live);
        var indexOf = live.ToDictionary(p => p, p => Array.IndexOf(_addresses, p.Address));
        var late = await Task.WhenAll(Enumerable.Range(0, options.InterviewsAfterJoin).Select(i =>
        {
            // The newcomer first, then round the live processes: each late interview is created and connected there.
            var process = indexOf[live[(live.Count - 1 + i) % live.Count]];
            return ChaosCandidate.CreateAsync(_http, () => _addresses, process, process, $"Late Candidate {i}", cancellationToken);
        }));
        foreach (var candidate in late)
        {
            _candidates.Add(candidate);
            _wheel.Add(candidate);
        }

        await UntilAsync("every interview started after the join completed a turn", () => late.All(c => c.Failure is not null || c.FinalTurns.Count >= 2), cancellationToken);
        var activationsAfterJoin = await ActivationsAsync(live);
        var lateServed = live.ToDictionary(p => p.Name, p => late.Count(c => c.ConnectedTo == p.Address && c.FinalTurns.Count >= 2 && c.Outages.Count == 0));
        var lateActivations = live.ToDictionary(p => p.Name, p => activationsAfterJoin.GetValueOrDefault(p.Name) - activationsBeforeJoin.GetValueOrDefault(p.Name));
        Log($"{joining.Name} joined; interviews started after the join and served per process (activations added): "
            + string.Join(", ", live.Select(p => $"{p.Name} {lateServed[p.Name]} ({lateActivations[p.Name]:0})")));
        await SteadyAsync(cancellationToken);

        // 3. restart PostgreSQL under load.
        var outagesBefore = _candidates.ToDictionary(c => c, c => c.Outages.Count);
        var beforeRestart = _candidates.ToDictionary(c => c, c => c.FinalTurns.Count);
        var restartedAt = Stopwatch.StartNew();
        await _postgres.RestartAsync(cancellationToken);
        var restartTook = restartedAt.Elapsed;
        Log($"PostgreSQL restarted in {restartTook.TotalMilliseconds:0} ms");
        await UntilAsync("every interview progresses after the PostgreSQL restart",
            () => _candidates.All(c => !c.Recovering && (c.Failure is not null || c.FinalTurns.Count > beforeRestart[c])), cancellationToken);
        var untilProgress = restartedAt.Elapsed;
        var restartOutages = _candidates.SelectMany(c => c.Outages.Skip(outagesBefore[c])).ToList();
        Log($"every interview progressing {untilProgress.TotalMilliseconds:0} ms after the restart began ({restartOutages.Count} reconnected)");

        _wheel.Dispose();
        await Task.WhenAll(_candidates.Select(c => c.StopAsync()));
        var (acknowledged, lost, details) = await CompareTranscriptsAsync(live.Select(p => p.Address).ToList(), cancellationToken);
        var failures = _candidates.Where(c => c.Failure is not null).Select(c => $"{c.InterviewId}: {c.Failure}").ToList();
        return new ChaosReport
        {
            Processes = options.Processes,
            Interviews = options.Interviews,
            MigratedAtConnect = migratedAtConnect,
            HostingBeforeKill = hosting,
            KilledProcess = victim.Name,
            InterviewsOnKilledProcess = affected.Count,
            KillOutages = killOutages,
            KillAudioOutages = killAudioOutages,
            OutageTarget = options.OutageTarget,
            ServedAgainOn = servedOn,
            BystandersInterrupted = bystanders.Count,
            BystanderOutages = bystanderOutages,
            UntilAllServedAgain = untilServed,
            TurnsMissingAtResume = _candidates.Sum(c => c.TurnsMissingAtResume),
            NewProcess = joining.Name,
            InterviewsAfterJoin = late.Length,
            LateInterviewsServed = lateServed,
            LateInterviewActivations = lateActivations,
            PostgresRestartTook = restartTook,
            PostgresRestartOutages = restartOutages,
            UntilAllProgressAfterPostgresRestart = untilProgress,
            TurnsAcknowledged = acknowledged,
            TurnsLost = lost,
            LostTurnDetails = details,
            FailedInterviews = failures.Count,
            Failures = failures,
            ReconnectNotices = _candidates.Sum(c => c.ReconnectNotices),
            ReconnectReasons = _candidates.SelectMany(c => c.ReconnectReasons).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)),
            ErrorEvents = _candidates.Sum(c => c.ErrorEvents),
            FailedTranscriptReads = _failedReads,
        };
    }

    private ClusterProcess StartProcess(string name)
    {
        var process = ClusterProcess.Start(name, options.GatewayDll, PrivatePostgres.FreePort(), PrivatePostgres.FreePort(), Arguments());
        _processes.Add(process);
        _addresses = [.. _addresses, process.Address];
        return process;
    }

    private IEnumerable<string> Arguments() =>
    [
        "--Cluster:Storage=postgres",
        $"--Cluster:ConnectionString={_postgres!.ConnectionString}",
        // Loopback ports on this machine, even when it is a Kubernetes pod (Orleans' Kubernetes hosting would take over).
        "--Cluster:Kubernetes=false",
        // Every process must accept the candidate tokens the others issued.
        $"--Gateway:TokenSigningKey={_signingKey}",
        "--Interviews:DefaultProvider=offline",
        // The run itself is the only tenant; its load must not trip the per-tenant protections.
        "--Platform:MaxConcurrentInterviews=100000",
        "--Platform:RateLimit:PermitsPerMinute=1000000",
        "--Platform:SelfServe:InterviewsPerHourPerAddress=0",
        "--Platform:RateLimit:Burst=100000",
        "--Logging:LogLevel:Default=Warning",
    ];

    private static string ProcessName(IEnumerable<ClusterProcess> processes, Uri address) =>
        processes.FirstOrDefault(p => p.Address == address)?.Name ?? address.Authority;

    /// <summary>Per process: the candidates whose socket is on it, and its own count of interview activations and provider sessions.</summary>
    private async Task<Dictionary<string, ChaosReport.Hosting>> HostingAsync(
        IReadOnlyList<ClusterProcess> processes, IReadOnlyList<ChaosCandidate> candidates, CancellationToken cancellationToken)
    {
        var hosting = new Dictionary<string, ChaosReport.Hosting>();
        foreach (var process in processes.Where(p => !p.Exited))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gauges = await process.GaugesAsync(_http);
            hosting[process.Name] = new ChaosReport.Hosting(
                candidates.Count(c => c.ConnectedTo == process.Address), gauges?.InterviewActivations ?? double.NaN, gauges?.ActiveInterviews ?? double.NaN);
        }

        return hosting;
    }

    private async Task<Dictionary<string, double>> ActivationsAsync(IEnumerable<ClusterProcess> processes)
    {
        var counts = new Dictionary<string, double>();
        foreach (var process in processes)
        {
            counts[process.Name] = (await process.GaugesAsync(_http))?.InterviewActivations ?? double.NaN;
        }

        return counts;
    }

    /// <summary>Waits until every process's membership ring holds exactly the live processes (a dead one is gone, a new one is in).</summary>
    private async Task UntilClusterFormedAsync(IReadOnlyList<ClusterProcess> processes, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = new List<double>();
            foreach (var process in processes)
            {
                seen.Add((await process.GaugesAsync(_http))?.RingSize ?? 0);
            }

            if (seen.All(size => size == processes.Count))
            {
                return;
            }

            if (deadline.Elapsed > options.StepTimeout)
            {
                throw new TimeoutException($"The processes' silo rings hold {string.Join(", ", seen)} silos, not {processes.Count}, after {options.StepTimeout.TotalSeconds:0} s.\n"
                    + string.Join("\n", processes.Select(p => $"--- {p.Name}{(p.Exited ? " (exited)" : "")}\n{p.Output()}")));
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Load runs undisturbed until every interview has completed one more turn.</summary>
    private async Task SteadyAsync(CancellationToken cancellationToken)
    {
        var turns = _candidates.ToDictionary(c => c, c => c.FinalTurns.Count);
        await UntilAsync("steady load: every interview completed another turn",
            () => _candidates.All(c => c.Failure is not null || c.FinalTurns.Count > turns[c]), cancellationToken);
    }

    private async Task UntilAsync(string what, Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > options.StepTimeout)
            {
                var stuck = _candidates.Where(c => c.Recovering || c.Failure is not null).Select(c => $"{c.InterviewId} {(c.Recovering ? "recovering" : c.Failure)}");
                throw new TimeoutException($"Timed out after {options.StepTimeout.TotalSeconds:0} s waiting until {what}. {string.Join("; ", stuck.Take(5))}\n"
                    + string.Join("\n", _processes.Select(p => $"--- {p.Name}{(p.Exited ? " (exited)" : "")}\n{p.Output()}")));
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Every final turn a candidate was shown must be in the transcript the API returns, in order.</summary>
    private async Task<(int Acknowledged, int Lost, List<string> Details)> CompareTranscriptsAsync(IReadOnlyList<Uri> processes, CancellationToken cancellationToken)
    {
        var acknowledged = 0;
        var lost = 0;
        var details = new List<string>();
        foreach (var candidate in _candidates)
        {
            var seen = candidate.FinalTurns;
            acknowledged += seen.Count;
            var stored = await TranscriptAsync(processes, candidate.InterviewId, cancellationToken);
            var next = 0;
            foreach (var turn in seen)
            {
                var found = stored.FindIndex(next, s => s == turn);
                if (found < 0)
                {
                    lost++;
                    details.Add($"{candidate.InterviewId}: {turn.Speaker} \"{turn.Text}\"");
                    continue;
                }

                next = found + 1;
            }
        }

        return (acknowledged, lost, details);
    }

    /// <summary>
    /// The persisted transcript, through any live process. A request can fail while connection pools notice a database
    /// restart; those failures are counted (a finding of the run) and the read is retried until the deadline.
    /// </summary>
    private async Task<List<(string Speaker, string Text)>> TranscriptAsync(IReadOnlyList<Uri> processes, string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            using var response = await _http.GetAsync(new Uri(processes[attempt % processes.Count], $"api/interviews/{id}"), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var interview = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                return [.. interview.GetProperty("transcript").EnumerateArray()
                    .Select(t => (t.GetProperty("speaker").GetString()!, t.GetProperty("text").GetString()!))];
            }

            _failedReads++;
            if (deadline.Elapsed > options.StepTimeout)
            {
                throw new InvalidOperationException($"GET api/interviews/{id} kept failing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static TimeSpan Max(IReadOnlyList<TimeSpan> spans) => spans.Count == 0 ? TimeSpan.Zero : spans.Max();

    private void Log(string line) => log.WriteLine($"[chaos {DateTime.UtcNow:HH:mm:ss.fff}] {line}");

    public async ValueTask DisposeAsync()
    {
        _wheel?.Dispose();
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _http.Dispose();
    }
}
