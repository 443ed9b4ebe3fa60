using System.Globalization;
using System.Text.Json;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// <c>POST /v1alpha/auth_tokens</c>: issues an ephemeral token for the Live API, as <c>ai.authTokens.create</c> of the
/// Google Gen AI clients asks for it (API key in <c>x-goog-api-key</c> or <c>key</c>; body fields <c>uses</c>,
/// <c>expireTime</c>, <c>newSessionExpireTime</c>). The setup constraints a token may carry are not enforced.
/// </summary>
public static class AuthTokensEndpoint
{
    public const string Path = "/v1alpha/auth_tokens";

    internal static async Task HandleAsync(HttpContext context, GeminiLiveEmulator emulator)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await GoogleError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed; POST creates a token.", "INVALID_ARGUMENT");
            return;
        }

        if (!string.Equals(GeminiLiveEndpoint.ApiKeyOf(context), emulator.Options.ApiKey, StringComparison.Ordinal))
        {
            await GoogleError.WriteAsync(context, StatusCodes.Status400BadRequest, GeminiLiveProtocol.InvalidKeyReason, "INVALID_ARGUMENT");
            return;
        }

        int uses;
        DateTimeOffset? expireTime, newSessionExpireTime;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var token = body.RootElement;
            uses = token.TryGetProperty("uses", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : 1;
            expireTime = Timestamp(token, "expireTime");
            newSessionExpireTime = Timestamp(token, "newSessionExpireTime");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            await GoogleError.WriteAsync(context, StatusCodes.Status400BadRequest, $"Invalid JSON payload received. {e.Message}", "INVALID_ARGUMENT");
            return;
        }

        if (uses < 1)
        {
            await GoogleError.WriteAsync(context, StatusCodes.Status400BadRequest, "uses must be at least 1.", "INVALID_ARGUMENT");
            return;
        }

        var name = emulator.Tokens.Issue(uses, expireTime, newSessionExpireTime);
        await context.Response.WriteAsJsonAsync(new { name, uses, expireTime, newSessionExpireTime });
    }

    /// <summary>A google.protobuf.Timestamp in its JSON form (RFC 3339), or null when absent.</summary>
    private static DateTimeOffset? Timestamp(JsonElement token, string name) =>
        token.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
}

/// <summary>The Google APIs' JSON error body: <c>{"error":{"code","message","status"}}</c>.</summary>
internal static class GoogleError
{
    public static Task WriteAsync(HttpContext context, int code, string message, string status)
    {
        context.Response.StatusCode = code;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message, status } });
    }
}
