using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Metrics;

/// <summary>
/// GET /metrics as Prometheus scrapes it, after a real interview has run through the relay. The instruments are
/// process-wide (other tests' interviews count too), so the assertions are lower bounds this interview guarantees.
/// </summary>
public sealed partial class MetricsEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task After_one_interview_metrics_exposes_sockets_frames_interviews_provider_latency_and_orleans_activations()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var http = fixture.Host.CreateClient();
        var created = await http.CreateInterviewAsync(ct, "Grace Hopper", "Compiler Engineer", "What is a linker for?");
        var id = created.GetProperty("id").GetString()!;
        var token = created.GetProperty("candidateToken").GetString()!;

        await using var candidate = await CandidateClient.ConnectAsync(fixture.Host.CandidateSocketAddress(id, token), ct);
        await candidate.WaitForAsync("session_ready", ct);
        await candidate.StartInterviewAsync(ct);
        await candidate.ListenToInterviewerAsync(ct);
        await candidate.AnswerAsync(TimeSpan.FromSeconds(1), ct);
        // The answer's frames are counted as the relay takes them, which may trail the client's sends: the
        // interviewer's reply comes only after all of them (its end of turn is the answer's trailing silence).
        await candidate.ListenToInterviewerAsync(ct);

        // Scraped while the candidate is still connected: the socket and the interview are live.
        var samples = await ScrapeAsync(http, ct);
        Assert.True(samples["synchire_candidate_sockets_open"] >= 1, "the open candidate socket is counted");
        Assert.True(samples["synchire_active_interviews"] >= 1, "the running interview is counted");
        Assert.True(samples["synchire_candidate_frames_total{direction=\"in\"}"] >= 50, "a second of 20 ms frames went in");
        Assert.True(samples["synchire_candidate_frames_total{direction=\"out\"}"] >= 2, "the greeting's events and audio came out");
        Assert.True(samples["synchire_provider_first_audio_seconds_count"] >= 1, "the greeting's first audio was timed");
        // Orleans creates its meter per host (IMeterFactory) and OpenTelemetry listens by meter name across the
        // process, so with other tests' hosts alive which host's activation counter is exported here is not this
        // test's to decide (it failed once in CI that way). That Orleans' series are exported is. A production process
        // hosts one silo.
        Assert.True(samples.Keys.Count(k => k.StartsWith("orleans_", StringComparison.Ordinal)) >= 5,
            "Orleans' own meters are exported (catalog, messaging, membership, ...)");
        Assert.True(samples.ContainsKey("synchire_provider_reconnects_total"), "reconnects are exposed (0 until one happens)");
        Assert.True(samples.Keys.Any(k => k.StartsWith("synchire_errors_total", StringComparison.Ordinal)), "errors are exposed");
    }

    [Fact]
    public async Task Metrics_is_valid_prometheus_text_with_help_and_type_for_every_series()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        using var response = await http.GetAsync("metrics", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);

        var typed = new HashSet<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.True(typed.Add(type.Groups[1].Value), $"one TYPE line per metric: {line}");
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample line: {line}");
            var family = FamilyName().Replace(sample.Groups[1].Value, string.Empty);
            Assert.True(typed.Contains(sample.Groups[1].Value) || typed.Contains(family), $"sample before its TYPE: {line}");
        }

        Assert.Contains("synchire_candidate_frames_total", typed);
        // Which Orleans series appear depends on which test hosts' meters are alive (see the test above); that
        // Orleans' meters are exported with their TYPE lines does not (orleans_catalog_activations failed once in CI).
        Assert.Contains(typed, name => name.StartsWith("orleans_", StringComparison.Ordinal));
    }

    /// <summary>
    /// Sample name with labels → value, e.g. <c>synchire_candidate_frames_total{direction="in"}</c> → 1234. The
    /// exporter's <c>otel_scope_name</c> label (the meter a series comes from) is left out of the key.
    /// </summary>
    private static async Task<Dictionary<string, double>> ScrapeAsync(HttpClient http, CancellationToken ct)
    {
        var text = await http.GetStringAsync("metrics", ct);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith('#'))
            {
                var space = line.LastIndexOf(' ');
                var name = ScopeLabel().Replace(line[..space], string.Empty).Replace("{}", string.Empty, StringComparison.Ordinal);
                samples[name] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return samples;
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*=""[^""]*""(,[a-zA-Z_][a-zA-Z0-9_]*=""[^""]*"")*\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"otel_scope_name=""[^""]*"",?")]
    private static partial Regex ScopeLabel();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex FamilyName();
}
