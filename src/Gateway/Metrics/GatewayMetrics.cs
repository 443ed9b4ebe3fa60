using System.Diagnostics.Metrics;
using SyncHire.Grains.Metrics;

namespace SyncHire.Gateway.Metrics;

/// <summary>The gateway's own instruments, on SyncHire's shared meter so <c>/metrics</c> exposes them beside the runtime's.</summary>
public static class GatewayMetrics
{
    /// <summary>Candidate WebSockets this process is relaying right now.</summary>
    public static readonly UpDownCounter<long> CandidateSockets =
        SyncHireMetrics.Meter.CreateUpDownCounter<long>("synchire_candidate_sockets_open", description: "Candidate WebSockets open on this gateway.");

    /// <summary>Candidate connections refused or cut by the relay, by reason.</summary>
    public static void RelayError(string kind) => SyncHireMetrics.Error(kind);
}
