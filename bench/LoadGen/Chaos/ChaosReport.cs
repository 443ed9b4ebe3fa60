using System.Globalization;
using System.Text;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// What a chaos run saw. The acceptance figures: <see cref="TurnsLost"/> and <see cref="FailedInterviews"/> 0, every
/// interview of the killed process served again within <see cref="OutageTarget"/> of the kill
/// (<see cref="KillOutagesWithinTarget"/>), and the new process serving new interviews.
/// </summary>
public sealed record ChaosReport
{
    /// <summary>A process's share before the kill: candidate sockets on it, and its own interview activations and provider sessions.</summary>
    public sealed record Hosting(int Sockets, double Activations, double Sessions);

    public required int Processes { get; init; }
    public required int Interviews { get; init; }

    /// <summary>Interviews created through one process and connected through another (their grain migrated to the socket's).</summary>
    public required int MigratedAtConnect { get; init; }
    public required IReadOnlyDictionary<string, Hosting> HostingBeforeKill { get; init; }

    public required string KilledProcess { get; init; }

    /// <summary>Interviews whose candidate socket (hence grain) was on the killed process.</summary>
    public required int InterviewsOnKilledProcess { get; init; }

    /// <summary>Per interrupted interview that came back: kill -9 → `resumed` through another process.</summary>
    public required IReadOnlyList<TimeSpan> KillOutages { get; init; }

    /// <summary>Per interrupted interview: kill -9 → the first interviewer audio after its resume.</summary>
    public required IReadOnlyList<TimeSpan> KillAudioOutages { get; init; }
    public required TimeSpan OutageTarget { get; init; }

    /// <summary>Where the interrupted interviews were served again, by process.</summary>
    public required IReadOnlyDictionary<string, int> ServedAgainOn { get; init; }

    /// <summary>Interviews on the surviving processes whose socket dropped after the kill all the same.</summary>
    public required int BystandersInterrupted { get; init; }

    /// <summary>Per such interview: kill -9 → `resumed`.</summary>
    public required IReadOnlyList<TimeSpan> BystanderOutages { get; init; }
    public required TimeSpan UntilAllServedAgain { get; init; }

    /// <summary>Acknowledged final turns missing from the transcript a `resumed` carried (the reactivation's stored state).</summary>
    public required int TurnsMissingAtResume { get; init; }

    public required string NewProcess { get; init; }
    public required int InterviewsAfterJoin { get; init; }

    /// <summary>Interviews started after the join, by the process that served them (socket there, turns completed, no reconnect).</summary>
    public required IReadOnlyDictionary<string, int> LateInterviewsServed { get; init; }

    /// <summary>Interview activations each live process added while the late interviews started (its /metrics).</summary>
    public required IReadOnlyDictionary<string, double> LateInterviewActivations { get; init; }

    public required TimeSpan PostgresRestartTook { get; init; }
    public required IReadOnlyList<TimeSpan> PostgresRestartOutages { get; init; }
    public required TimeSpan UntilAllProgressAfterPostgresRestart { get; init; }
    public required int TurnsAcknowledged { get; init; }
    public required int TurnsLost { get; init; }
    public required IReadOnlyList<string> LostTurnDetails { get; init; }
    public required int FailedInterviews { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }
    public required int ReconnectNotices { get; init; }

    /// <summary>The reasons the server gave with `reconnecting`, with how often.</summary>
    public required IReadOnlyDictionary<string, int> ReconnectReasons { get; init; }
    public required int ErrorEvents { get; init; }

    /// <summary>API reads of a transcript that failed (and were retried) after the faults.</summary>
    public required int FailedTranscriptReads { get; init; }

    /// <summary>The longest time from the kill until an interview it interrupted (on the killed process or not) was served again.</summary>
    public TimeSpan MaxKillOutage => KillOutages.Concat(BystanderOutages).DefaultIfEmpty().Max();

    /// <summary>Every interview of the killed process came back, and every interview the kill interrupted was served again within the target.</summary>
    public bool KillOutagesWithinTarget =>
        InterviewsOnKilledProcess > 0 && KillOutages.Count == InterviewsOnKilledProcess && MaxKillOutage <= OutageTarget;

    public int NewProcessInterviews => LateInterviewsServed.GetValueOrDefault(NewProcess);

    public override string ToString()
    {
        var i = CultureInfo.InvariantCulture;
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        static string Spread(IReadOnlyList<TimeSpan> outages) => outages.Count == 0
            ? "none"
            : $"{outages.Count} interviews, min {Ms(outages.Min())}, median {Ms(outages.Order().ElementAt(outages.Count / 2))}, max {Ms(outages.Max())}";
        var text = new StringBuilder();
        text.AppendLine(i, $"cluster                    {Processes} co-hosted processes (gateway + Orleans silo each) on PostgreSQL");
        text.AppendLine(i, $"interviews                 {Interviews} ({MigratedAtConnect} created through one process, connected through another), plus {InterviewsAfterJoin} after the new process joined");
        text.AppendLine(i, $"hosting before the kill    sockets / interview activations / provider sessions: {string.Join(", ", HostingBeforeKill.Select(h => $"{h.Key} {h.Value.Sockets}/{h.Value.Activations:0}/{h.Value.Sessions:0}"))}");
        text.AppendLine(i, $"process kill -9            {KilledProcess}, hosting {InterviewsOnKilledProcess} interviews");
        text.AppendLine(i, $"  served again (resumed)   {Spread(KillOutages)} after the kill");
        text.AppendLine(i, $"  interviewer audio again  {Spread(KillAudioOutages)} after the kill");
        text.AppendLine(i, $"  served again on          {(ServedAgainOn.Count == 0 ? "-" : string.Join(", ", ServedAgainOn.Select(s => $"{s.Key} {s.Value}")))}; all interviews progressing again {Ms(UntilAllServedAgain)} after the kill");
        text.AppendLine(i, $"  on the other processes   {BystandersInterrupted} interviews interrupted too{(BystanderOutages.Count > 0 ? $", served again {Spread(BystanderOutages)} after the kill" : "")}");
        text.AppendLine(i, $"  outage                   max {Ms(MaxKillOutage)} from the kill until an interrupted interview was served again; target ≤ {Ms(OutageTarget)}: {(KillOutagesWithinTarget ? "met" : "NOT met")}");
        text.AppendLine(i, $"  resumed transcripts      {TurnsMissingAtResume} acknowledged turns missing");
        text.AppendLine(i, $"new process {NewProcess,-15}interviews started after it joined, served per process (activations added): {string.Join(", ", LateInterviewsServed.Select(a => $"{a.Key} {a.Value} ({LateInterviewActivations.GetValueOrDefault(a.Key):0})"))}");
        text.AppendLine(i, $"PostgreSQL restart         took {Ms(PostgresRestartTook)}; reconnects {Spread(PostgresRestartOutages)}; every interview progressing again {Ms(UntilAllProgressAfterPostgresRestart)} after the restart began");
        text.AppendLine(i, $"transcript turns           {TurnsAcknowledged} acknowledged final, {TurnsLost} lost{(LostTurnDetails.Count > 0 ? ": " + string.Join("; ", LostTurnDetails.Take(5)) : "")}");
        text.AppendLine(i, $"interviews failed          {FailedInterviews}{(Failures.Count > 0 ? ": " + string.Join("; ", Failures.Take(5)) : "")} (reconnect notices {ReconnectNotices}{(ReconnectReasons.Count > 0 ? " — " + string.Join("; ", ReconnectReasons.Select(r => $"{r.Value}× \"{r.Key}\"")) : "")}, error events {ErrorEvents}, transcript reads retried {FailedTranscriptReads})");
        text.Append(i, $"SUMMARY chaos: {TurnsLost} turns lost (target 0), {FailedInterviews} interviews failed (target 0), "
            + $"{KillOutages.Count}/{InterviewsOnKilledProcess} interviews of the killed process served again (+{BystanderOutages.Count} interrupted elsewhere), max {Ms(MaxKillOutage)} after the kill (target ≤ {Ms(OutageTarget)}), "
            + $"new process served {NewProcessInterviews} new interviews");
        return text.ToString();
    }
}
