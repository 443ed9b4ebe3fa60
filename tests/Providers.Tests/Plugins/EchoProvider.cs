namespace SyncHire.Providers.Tests.Plugins;

/// <summary>
/// A provider plugin as a third party would write one, outside the product's projects: it knows only the provider
/// core (SyncHire.Providers) and is added with the generic AddRealtimeProvider. No core file names it.
/// </summary>
internal sealed class EchoProvider : IRealtimeProvider
{
    public const string ProviderName = "echo";

    public string Name => ProviderName;

    public bool IsConfigured => true;

    public RealtimeCapabilities Capabilities { get; } = new(MaxSessionDuration: TimeSpan.FromHours(2));

    public Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IRealtimeSession>(new EchoSession(options.Brief));
}
