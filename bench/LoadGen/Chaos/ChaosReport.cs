using System.Globalization;
using System.Text;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>What a chaos run saw; the acceptance figures are <see cref="TurnsLost"/> and <see cref="FailedInterviews"/>.</summary>
public sealed record ChaosReport
{
    public required int Interviews { get; init; }
    public required string KilledSilo { get; init; }
    public required int InterviewsOnKilledSilo { get; init; }

    /// <summary>Per interrupted interview: connection lost → `resumed` from its new activation.</summary>
    public required IReadOnlyList<TimeSpan> SiloKillOutages { get; init; }
    public required TimeSpan UntilAllServedAgain { get; init; }
    public required IReadOnlyDictionary<string, double> ActivationsAfterJoin { get; init; }
    public required string NewSilo { get; init; }
    public required IReadOnlyList<TimeSpan> PostgresRestartOutages { get; init; }
    public required TimeSpan UntilAllProgressAfterPostgresRestart { get; init; }
    public required int TurnsAcknowledged { get; init; }
    public required int TurnsLost { get; init; }
    public required IReadOnlyList<string> LostTurnDetails { get; init; }
    public required int FailedInterviews { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }
    public required int ReconnectNotices { get; init; }
    public required int ErrorEvents { get; init; }

    /// <summary>API reads of a transcript that failed (and were retried) after the faults.</summary>
    public required int FailedTranscriptReads { get; init; }

    public override string ToString()
    {
        var i = CultureInfo.InvariantCulture;
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        static string Spread(IReadOnlyList<TimeSpan> outages) => outages.Count == 0
            ? "none"
            : $"{outages.Count} interviews, median {Ms(outages.Order().ElementAt(outages.Count / 2))}, max {Ms(outages.Max())}";
        var text = new StringBuilder();
        text.AppendLine(i, $"interviews                 {Interviews} (plus {ActivationsAfterJoin.Values.Sum():0} created after the new silo joined)");
        text.AppendLine(i, $"silo kill -9               {KilledSilo}, hosting {InterviewsOnKilledSilo} interviews");
        text.AppendLine(i, $"  served again after       {Spread(SiloKillOutages)}; all live interviews progressing again {Ms(UntilAllServedAgain)} after the kill");
        text.AppendLine(i, $"new silo {NewSilo,-18}activations of the interviews created after it joined: {string.Join(", ", ActivationsAfterJoin.Select(a => $"{a.Key} {a.Value:0}"))}");
        text.AppendLine(i, $"PostgreSQL restart         reconnects {Spread(PostgresRestartOutages)}; every interview progressing again {Ms(UntilAllProgressAfterPostgresRestart)} after the restart");
        text.AppendLine(i, $"transcript turns           {TurnsAcknowledged} acknowledged final, {TurnsLost} lost{(LostTurnDetails.Count > 0 ? ": " + string.Join("; ", LostTurnDetails.Take(5)) : "")}");
        text.AppendLine(i, $"interviews failed          {FailedInterviews}{(Failures.Count > 0 ? ": " + string.Join("; ", Failures.Take(5)) : "")} (reconnect notices {ReconnectNotices}, error events {ErrorEvents}, transcript reads retried {FailedTranscriptReads})");
        text.Append(i, $"SUMMARY chaos: {TurnsLost} turns lost (target 0), {FailedInterviews} interviews failed (target 0), served again ≤ {Ms(SiloKillOutages.DefaultIfEmpty().Max())} after a silo kill");
        return text.ToString();
    }
}
