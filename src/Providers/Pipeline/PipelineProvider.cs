using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// The interviewer as three OpenAI HTTP calls per turn (speech-to-text, chat completion, text-to-speech), the
/// architecture of the original Python backend. Slower to answer than a realtime model, but it works with any
/// OpenAI-compatible server and every step can be inspected. Sessions hold no connection: nothing expires.
/// </summary>
public sealed class PipelineProvider(IOptions<PipelineProviderOptions> options, ILoggerFactory? loggerFactory = null) : IRealtimeProvider
{
    public const string ProviderName = "pipeline";

    private readonly PipelineProviderOptions _options = options.Value;
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

    public string Name => ProviderName;

    public bool IsConfigured => _options.ResolveApiKey() is not null;

    /// <summary>Sessions hold no connection, so nothing expires; the adapter finds turns with local VAD.</summary>
    public RealtimeCapabilities Capabilities { get; } = new(
        MaxSessionDuration: null,
        SessionResumption: false,
        ServerTurnDetection: false,
        ReportsUsage: true);

    public Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var apiKey = _options.ResolveApiKey() ?? throw new InvalidOperationException(
            $"The pipeline provider is not configured: set {PipelineProviderOptions.SectionName}:ApiKey or OPENAI_API_KEY.");
        var logger = _loggerFactory.CreateLogger<PipelineSession>();
        var client = new PipelineOpenAIClient(_options, apiKey, options.Model ?? _options.ChatModel, logger);
        return Task.FromResult<IRealtimeSession>(new PipelineSession(options, _options, client, logger));
    }
}
