using System.ClientModel;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// Sorts the HTTP failures of the pipeline's three calls into worth-retrying (the service is briefly unwell or the
/// connection broke) and not (the request or the key is wrong), and describes them for the grain and the logs
/// without ever repeating the API key, even the masked form the real API echoes back.
/// </summary>
internal static class PipelineFailures
{
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // Ours: the session is closing or the response was cancelled; nothing to retry.
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        // Anyone else's cancellation is the network timeout.
        OperationCanceledException => true,
        ClientResultException { Status: 0 } => true,
        ClientResultException result => IsTransientStatus(result.Status),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>A fatal error for the grain: what failed, how, and what to check. Never the key.</summary>
    public static ProviderError Describe(string step, Exception exception, int attempts, string apiKey)
    {
        var tries = attempts == 1 ? "" : $" after {attempts} attempts";
        if (exception is ClientResultException { Status: (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden } refused)
        {
            return new ProviderError("pipeline_unauthorized",
                $"The pipeline provider refused the configured API key for {step} (HTTP {refused.Status}); check {PipelineProviderOptions.SectionName}:ApiKey or OPENAI_API_KEY.",
                Fatal: true);
        }

        if (exception is ClientResultException { Status: > 0 } rejected)
        {
            var (type, code, message) = ReadError(rejected);
            var detail = string.Join(", ", new[] { type, code }.Where(p => !string.IsNullOrEmpty(p)));
            var text = $"{step} failed{tries}: HTTP {rejected.Status}{(detail.Length > 0 ? $" ({detail})" : "")}" +
                (string.IsNullOrWhiteSpace(message) ? "" : $": {Redact(message, apiKey)}");
            return new ProviderError(IsTransientStatus(rejected.Status) ? "pipeline_unavailable" : "pipeline_request_rejected", text, Fatal: true);
        }

        var reason = exception switch
        {
            OperationCanceledException => "the request timed out",
            _ => Redact(Innermost(exception).Message, apiKey),
        };
        return new ProviderError("pipeline_unavailable", $"{step} failed{tries}: {reason}", Fatal: true);
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.TooManyRequests or >= 500;

    private static (string? Type, string? Code, string? Message) ReadError(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return (null, null, null);
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            return (Text(error, "type"), Text(error, "code"), Text(error, "message"));
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string Redact(string message, string apiKey) =>
        apiKey.Length == 0 ? message : message.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
}
