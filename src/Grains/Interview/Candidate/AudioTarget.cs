using SyncHire.Providers;

namespace SyncHire.Grains.Interview;

/// <summary>The live provider session candidate audio may go to, and the token of its lifetime.</summary>
internal sealed record AudioTarget(IRealtimeSession Session, CancellationToken Token);
