using System.Text.Json.Nodes;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// OpenAI's error responses: <c>{"error":{"message","type","param","code"}}</c> with the HTTP status the real API
/// uses, so the OpenAI client raises the same exceptions (and an adapter's error handling meets the real shapes).
/// </summary>
internal static class OpenAIErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message, string type, string? param = null, string? code = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = param,
                ["code"] = code,
            },
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task InvalidRequestAsync(HttpContext context, string message, string? param = null, string? code = null) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message, "invalid_request_error", param, code);

    public static Task MissingKeyAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized,
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth " +
            "(i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API " +
            "from your browser and are prompted for a username.",
            "invalid_request_error");

    /// <summary>The real API echoes a masked form of the key it refused; so does this, so adapters must not pass it on.</summary>
    public static Task WrongKeyAsync(HttpContext context, string presentedKey) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized,
            $"Incorrect API key provided: {Mask(presentedKey)}. You can find your API key at https://platform.openai.com/account/api-keys.",
            "invalid_request_error", code: "invalid_api_key");

    public static Task ServerErrorAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status500InternalServerError,
            "The server had an error while processing your request. Sorry about that!", "server_error");

    private static string Mask(string key) =>
        key.Length <= 8 ? new string('*', key.Length) : key[..3] + new string('*', key.Length - 7) + key[^4..];
}
