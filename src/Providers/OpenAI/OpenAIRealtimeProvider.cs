using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.OpenAI;

/// <summary>
/// Interviews over the OpenAI Realtime API (GA protocol) through the official package's
/// <see cref="global::OpenAI.Realtime.RealtimeClient"/>: one WebSocket session per provider session.
/// </summary>
public sealed class OpenAIRealtimeProvider(IOptions<OpenAIRealtimeOptions> options, ILogger<OpenAIRealtimeProvider>? logger = null) : IRealtimeProvider
{
    public const string ProviderName = "openai";

    private readonly OpenAIRealtimeOptions _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
    private readonly ILogger _logger = logger ?? NullLogger<OpenAIRealtimeProvider>.Instance;

    public string Name => ProviderName;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.ApiKey);

    /// <summary>
    /// OpenAI ends a session at 60 minutes without warning, so the caller rolls over before the configured limit;
    /// the server detects turns and reports each response's tokens.
    /// </summary>
    public RealtimeCapabilities Capabilities => new(
        MaxSessionDuration: _options.MaxSessionDuration,
        SessionResumption: false,
        ServerTurnDetection: true,
        ReportsUsage: true);

    public async Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await OpenAIRealtimeSession.ConnectAsync(_options, options, _logger, cancellationToken);
    }
}
