namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// How big a chaos run is and where the built host is. Every process of the run is the same
/// <c>SyncHire.Gateway.dll</c>: an ASP.NET Core app co-hosting an Orleans silo.
/// </summary>
public sealed record ChaosOptions(string GatewayDll)
{
    /// <summary>Co-hosted processes (gateway + silo each) started at the beginning; one more joins later.</summary>
    public int Processes { get; init; } = 3;

    /// <summary>Candidates answering continuously from the start, spread across the processes.</summary>
    public int Interviews { get; init; } = 30;

    /// <summary>Candidates started after the new process joins, spread across the live processes (the new one included).</summary>
    public int InterviewsAfterJoin { get; init; } = 9;

    /// <summary>
    /// Each interrupted interview must be served again (its candidate reconnected through another process and got
    /// `resumed`) within this long after the kill -9: membership declares the process dead in about 3–4 s
    /// (probe timeout 1 s × 2 missed probes, table refresh 1 s), then the interview reactivates from its stored state.
    /// </summary>
    public TimeSpan OutageTarget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for any one step (cluster formed, every interview progressing, …) before the run fails.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(45);
}
