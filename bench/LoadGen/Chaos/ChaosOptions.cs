namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>How big a chaos run is and where the built hosts are.</summary>
public sealed record ChaosOptions(string SiloDll, string GatewayDll)
{
    public int Silos { get; init; } = 3;
    public int Gateways { get; init; } = 2;
    public int Interviews { get; init; } = 30;

    /// <summary>Interviews created after the new silo joins, to see where placement puts them.</summary>
    public int InterviewsAfterJoin { get; init; } = 24;

    /// <summary>Short on purpose: the run waits about this long for a dead silo to be declared dead.</summary>
    public TimeSpan DeathTimeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Steady load before each fault.</summary>
    public TimeSpan SteadyLoad { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(45);
}
