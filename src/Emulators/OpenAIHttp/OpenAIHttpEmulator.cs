using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// The OpenAI HTTP endpoints an STT→LLM→TTS pipeline uses (transcriptions, chat completions, speech), under /v1 so
/// an OpenAI client pointed at <c>{emulator}/v1</c> works unchanged. Bearer key and faults ("pipeline") are checked
/// before every endpoint.
/// </summary>
public static class OpenAIHttpEmulator
{
    public const string FaultName = OpenAIHttpGate.FaultName;

    /// <summary>Maps the endpoints; the returned log records what they were asked.</summary>
    public static OpenAIHttpRequestLog Map(WebApplication app, EmulatorOptions options)
    {
        var log = new OpenAIHttpRequestLog();
        var gate = new OpenAIHttpGate(options, log);
        app.MapPost("/v1/audio/transcriptions", context => ServeAsync(context, gate, log, admitted => TranscriptionEndpoint.HandleAsync(context, admitted, log)));
        app.MapPost("/v1/chat/completions", context => ServeAsync(context, gate, log, admitted => ChatCompletionsEndpoint.HandleAsync(context, admitted, log)));
        app.MapPost("/v1/audio/speech", context => ServeAsync(context, gate, log, admitted => SpeechEndpoint.HandleAsync(context, admitted, log, options)));
        return log;
    }

    private static async Task ServeAsync(HttpContext context, OpenAIHttpGate gate, OpenAIHttpRequestLog log, Func<AdmittedRequest, Task> endpoint)
    {
        if (await gate.AdmitAsync(context) is not { } admitted)
        {
            return;
        }

        try
        {
            await endpoint(admitted);
        }
        finally
        {
            log.Add(new RecordedAttempt(context.Request.Path.Value ?? "", admitted.Drop ? 0 : context.Response.StatusCode));
        }
    }
}
