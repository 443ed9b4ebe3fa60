using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// The chaos scenario on one machine, every part a separate process on loopback ports: a private PostgreSQL, N
/// silos and M gateways; candidates answering continuously across the gateways. Then: kill -9 the busiest silo,
/// wait until every interrupted interview is served again, add a new silo and see where new interviews go,
/// restart PostgreSQL under load and wait until every interview progresses again. Finally compare each
/// candidate's acknowledged final turns with the transcript the API returns. Every wait polls a condition against
/// a deadline; nothing sleeps to synchronise.
/// </summary>
public sealed class ChaosRun(ChaosOptions options, TextWriter log) : IAsyncDisposable
{
    private readonly List<ClusterProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly string _secret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
    private readonly string _signingKey = Convert.ToBase64String([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]);
    private readonly List<ChaosCandidate> _candidates = [];
    private PrivatePostgres? _postgres;
    private TimerWheel? _wheel;
    private int _failedReads;

    public async Task<ChaosReport> RunAsync(CancellationToken cancellationToken)
    {
        _postgres = await PrivatePostgres.StartAsync(cancellationToken);
        await _postgres.CreateDatabaseAsync(cancellationToken);
        Log($"PostgreSQL on :{_postgres.Port}");

        var silos = Enumerable.Range(1, options.Silos).Select(n => StartSilo($"silo-{n}")).ToList();
        await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(_http, TimeSpan.FromSeconds(60), cancellationToken)));
        var gateways = Enumerable.Range(1, options.Gateways).Select(n => StartGateway($"gateway-{n}")).ToList();
        await Task.WhenAll(gateways.Select(g => g.WaitReadyAsync(_http, TimeSpan.FromSeconds(60), cancellationToken)));
        Log($"{silos.Count} silos and {gateways.Count} gateways ready (loopback ports, one process each)");
        var gatewayAddresses = gateways.Select(g => g.Address).ToList();

        _wheel = new TimerWheel();
        var created = await Task.WhenAll(Enumerable.Range(0, options.Interviews)
            .Select(i => ChaosCandidate.CreateAsync(_http, gatewayAddresses, i, cancellationToken)));
        foreach (var candidate in created)
        {
            _candidates.Add(candidate);
            _wheel.Add(candidate);
        }

        Log($"{_candidates.Count} interviews running; waiting for each to complete a turn");
        await UntilAsync("every interview completed a turn", () => _candidates.All(c => c.FinalTurns.Count >= 2), cancellationToken);
        await SteadyAsync(cancellationToken);

        // 1. kill -9 the silo hosting the most interviews.
        var activations = await ActivationsAsync(silos, cancellationToken);
        var victim = silos.OrderByDescending(s => activations.GetValueOrDefault(s.Name)).First();
        var hosted = (int)activations.GetValueOrDefault(victim.Name);
        var beforeKill = _candidates.ToDictionary(c => c, c => c.FinalTurns.Count);
        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        Log($"kill -9 {victim.Name} (pid {victim.Pid}, {hosted} activations)");
        await UntilAsync("the interrupted interviews are served again and every interview progresses",
            () => _candidates.All(c => !c.Recovering && (c.Failure is not null || c.FinalTurns.Count > beforeKill[c])), cancellationToken);
        var untilServed = killedAt.Elapsed;
        var killOutages = _candidates.SelectMany(c => c.Outages).ToList();
        Log($"all interviews progressing {untilServed.TotalMilliseconds:0} ms after the kill ({killOutages.Count} reconnected)");

        // 2. add a silo; new interviews are placed across the live silos, the new one included.
        var newSilo = StartSilo($"silo-{options.Silos + 1}");
        silos.Add(newSilo);
        await newSilo.WaitReadyAsync(_http, TimeSpan.FromSeconds(60), cancellationToken);
        var live = silos.Where(s => !s.Exited).ToList();
        await UntilGatewaysSeeAsync(gatewayAddresses, live.Count, cancellationToken);
        var before = await ActivationsAsync(live, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, options.InterviewsAfterJoin).Select(i =>
            ChaosCandidate.CreateInterviewAsync(_http, gatewayAddresses[i % gatewayAddresses.Count], $"Late Candidate {i}", cancellationToken)));
        var after = await ActivationsAsync(live, cancellationToken);
        var spread = live.ToDictionary(s => s.Name, s => after.GetValueOrDefault(s.Name) - before.GetValueOrDefault(s.Name));
        Log($"{newSilo.Name} joined; new interviews per silo: {string.Join(", ", spread.Select(s => $"{s.Key} {s.Value:0}"))}");
        await SteadyAsync(cancellationToken);

        // 3. restart PostgreSQL under load.
        var outagesBefore = _candidates.ToDictionary(c => c, c => c.Outages.Count);
        var beforeRestart = _candidates.ToDictionary(c => c, c => c.FinalTurns.Count);
        var restartedAt = Stopwatch.StartNew();
        await _postgres.RestartAsync(cancellationToken);
        Log($"PostgreSQL restarted in {restartedAt.ElapsedMilliseconds} ms");
        await UntilAsync("every interview progresses after the PostgreSQL restart",
            () => _candidates.All(c => !c.Recovering && (c.Failure is not null || c.FinalTurns.Count > beforeRestart[c])), cancellationToken);
        var untilProgress = restartedAt.Elapsed;
        var restartOutages = _candidates.SelectMany(c => c.Outages.Skip(outagesBefore[c])).ToList();

        _wheel.Dispose();
        await Task.WhenAll(_candidates.Select(c => c.StopAsync()));
        var (acknowledged, lost, details) = await CompareTranscriptsAsync(gatewayAddresses, cancellationToken);
        var failures = _candidates.Where(c => c.Failure is not null).Select(c => $"{c.InterviewId}: {c.Failure}").ToList();
        return new ChaosReport
        {
            Interviews = _candidates.Count,
            KilledSilo = victim.Name,
            InterviewsOnKilledSilo = hosted,
            SiloKillOutages = killOutages,
            UntilAllServedAgain = untilServed,
            ActivationsAfterJoin = spread,
            NewSilo = newSilo.Name,
            PostgresRestartOutages = restartOutages,
            UntilAllProgressAfterPostgresRestart = untilProgress,
            TurnsAcknowledged = acknowledged,
            TurnsLost = lost,
            LostTurnDetails = details,
            FailedInterviews = failures.Count,
            Failures = failures,
            ReconnectNotices = _candidates.Sum(c => c.ReconnectNotices),
            ErrorEvents = _candidates.Sum(c => c.ErrorEvents),
            FailedTranscriptReads = _failedReads,
        };
    }

    private ClusterProcess StartSilo(string name)
    {
        var process = ClusterProcess.Start(name, options.SiloDll, PrivatePostgres.FreePort(), CommonArguments());
        _processes.Add(process);
        return process;
    }

    private ClusterProcess StartGateway(string name)
    {
        var process = ClusterProcess.Start(name, options.GatewayDll, PrivatePostgres.FreePort(),
            [.. CommonArguments(), "--Cluster:Role=Gateway", $"--Gateway:TokenSigningKey={_signingKey}"]);
        _processes.Add(process);
        return process;
    }

    private IEnumerable<string> CommonArguments() =>
    [
        "--Cluster:Storage=postgres",
        $"--Cluster:ConnectionString={_postgres!.ConnectionString}",
        $"--Cluster:Secret={_secret}",
        "--Cluster:HeartbeatInterval=00:00:01",
        $"--Cluster:DeathTimeout={options.DeathTimeout:c}",
        "--Interviews:DefaultProvider=offline",
        // The run itself is the only tenant; its load must not trip the per-tenant protections.
        "--Platform:MaxConcurrentInterviews=100000",
        "--Platform:RateLimit:PermitsPerMinute=1000000",
        "--Platform:SelfServe:InterviewsPerHourPerAddress=0",
        "--Platform:RateLimit:Burst=100000",
        "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>Activations each silo has made so far (its /metrics), by silo name.</summary>
    private async Task<Dictionary<string, double>> ActivationsAsync(IEnumerable<ClusterProcess> silos, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, double>();
        foreach (var silo in silos.Where(s => !s.Exited))
        {
            if (await MetricsScrape.TryReadAsync(_http, new Uri(silo.Address, "metrics")) is { } scrape)
            {
                counts[silo.Name] = scrape.Value("synchire_grain_activation_seconds_count");
            }
        }

        return counts;
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

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits until every gateway's membership view (its /metrics) counts <paramref name="silos"/> live silos.</summary>
    private async Task UntilGatewaysSeeAsync(IReadOnlyList<Uri> gateways, int silos, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = new List<double>();
            foreach (var gateway in gateways)
            {
                var scrape = await MetricsScrape.TryReadAsync(_http, new Uri(gateway, "metrics"));
                seen.Add(scrape?.Value("synchire_cluster_silos_active") ?? 0);
            }

            if (seen.All(count => count >= silos))
            {
                return;
            }

            if (deadline.Elapsed > options.StepTimeout)
            {
                throw new TimeoutException($"Gateways still see {string.Join(", ", seen)} live silos, not {silos}, after {options.StepTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Every final turn a candidate was shown must be in the transcript the API returns, in order.</summary>
    private async Task<(int Acknowledged, int Lost, List<string> Details)> CompareTranscriptsAsync(IReadOnlyList<Uri> gateways, CancellationToken cancellationToken)
    {
        var acknowledged = 0;
        var lost = 0;
        var details = new List<string>();
        foreach (var candidate in _candidates)
        {
            var seen = candidate.FinalTurns;
            acknowledged += seen.Count;
            var stored = await TranscriptAsync(gateways, candidate.InterviewId, cancellationToken);
            var next = 0;
            foreach (var turn in seen)
            {
                var found = stored.FindIndex(next, s => s.Speaker == turn.Speaker && s.Text == turn.Text);
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
    /// The persisted transcript, through any gateway. A request can fail while connection pools notice a database
    /// restart; those failures are counted (a finding of the run) and the read is retried until the deadline.
    /// </summary>
    private async Task<List<(string Speaker, string Text)>> TranscriptAsync(IReadOnlyList<Uri> gateways, string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            using var response = await _http.GetAsync(new Uri(gateways[attempt % gateways.Count], $"api/interviews/{id}"), cancellationToken);
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
