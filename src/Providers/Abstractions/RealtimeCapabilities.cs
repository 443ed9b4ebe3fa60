namespace SyncHire.Providers;

/// <summary>
/// What a provider can do, declared by its plugin (livekit's RealtimeCapabilities, in our terms).
/// </summary>
/// <param name="MaxSessionDuration">
/// How long one session may live before the provider ends it (OpenAI Realtime: 60 minutes, without warning), less a
/// safety margin; the caller rolls over to a fresh session before then. Null: no limit the caller must manage.
/// </param>
/// <param name="SessionResumption">
/// The adapter survives the provider's connection limits and drops by itself (Gemini Live's resumption handles), so
/// a dropped connection need not reach the caller as a lost session.
/// </param>
/// <param name="ServerTurnDetection">
/// The provider finds the end of the candidate's turn (server VAD); false: the adapter detects it locally.
/// </param>
/// <param name="ReportsUsage">The session reports the model tokens it consumed (<see cref="UsageReported"/>).</param>
public sealed record RealtimeCapabilities(
    TimeSpan? MaxSessionDuration = null,
    bool SessionResumption = false,
    bool ServerTurnDetection = false,
    bool ReportsUsage = false)
{
    /// <summary>
    /// What a caller may rely on whichever of <paramref name="capabilities"/> it ends up talking to: the shortest
    /// session limit, and a feature only if every one has it.
    /// </summary>
    public static RealtimeCapabilities Conservative(IEnumerable<RealtimeCapabilities> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var all = capabilities.ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("At least one provider's capabilities are needed.", nameof(capabilities));
        }

        var limits = all.Where(c => c.MaxSessionDuration is not null).Select(c => c.MaxSessionDuration!.Value).ToList();
        return new RealtimeCapabilities(
            MaxSessionDuration: limits.Count == 0 ? null : limits.Min(),
            SessionResumption: all.TrueForAll(c => c.SessionResumption),
            ServerTurnDetection: all.TrueForAll(c => c.ServerTurnDetection),
            ReportsUsage: all.TrueForAll(c => c.ReportsUsage));
    }
}
