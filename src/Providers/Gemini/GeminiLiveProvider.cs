using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// Gemini Live over its BidiGenerateContent WebSocket protocol (ClientWebSocket + System.Text.Json; the Google.GenAI
/// package is not available here). Sessions survive the service's ~10-minute connection limit themselves through
/// session resumption, so the grain has no session length to manage.
/// </summary>
public sealed class GeminiLiveProvider(IOptions<GeminiLiveOptions> options, ILogger<GeminiLiveProvider> logger) : IRealtimeProvider
{
    public const string ProviderName = "gemini";

    private readonly GeminiLiveOptions _options = options.Value;

    public string Name => ProviderName;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.ApiKey);

    /// <summary>No session limit for the caller to manage: the adapter resumes across Gemini's connection limit itself.</summary>
    public RealtimeCapabilities Capabilities { get; } = new(
        MaxSessionDuration: null,
        SessionResumption: true,
        ServerTurnDetection: true,
        ReportsUsage: true);

    public async Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Gemini Live has no API key: set Providers:Gemini:ApiKey or GEMINI_API_KEY.");
        }

        var setup = new GeminiSessionSetup(
            new Uri(_options.Endpoint.TrimEnd('/') + GeminiLiveSocket.Path),
            _options.ApiKey!,
            options.Model ?? _options.Model,
            options.Voice ?? _options.Voice,
            options.Instructions,
            options.Tools,
            options.TurnDetection);
        return await GeminiLiveSession.StartAsync(setup, options.History, _options, logger, cancellationToken).ConfigureAwait(false);
    }
}
