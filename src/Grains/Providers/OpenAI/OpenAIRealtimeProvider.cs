using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Providers.OpenAI;

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

    public TimeSpan? MaxSessionDuration => _options.MaxSessionDuration;

    public async Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await OpenAIRealtimeSession.ConnectAsync(_options, options, _logger, cancellationToken);
    }
}
