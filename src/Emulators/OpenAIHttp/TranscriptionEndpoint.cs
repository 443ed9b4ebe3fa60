using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// POST /v1/audio/transcriptions (multipart: file, model, response_format, language, prompt, temperature). The
/// "recognised" text depends only on how much speech the emulated VAD finds in the WAV.
/// </summary>
internal static class TranscriptionEndpoint
{
    private const long MaxFileBytes = 25 * 1024 * 1024;
    private static readonly TimeSpan MinimumAudio = TimeSpan.FromSeconds(0.1);

    public static async Task HandleAsync(HttpContext context, AdmittedRequest admitted, OpenAIHttpRequestLog log)
    {
        if (!context.Request.HasFormContentType)
        {
            await OpenAIErrors.InvalidRequestAsync(context, "The request must be multipart/form-data with a 'file' field.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var model = form["model"].ToString();
        if (model.Length == 0)
        {
            await OpenAIErrors.InvalidRequestAsync(context, "you must provide a model parameter", "model");
            return;
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await OpenAIErrors.InvalidRequestAsync(context, "Missing required parameter: 'file'.", "file");
            return;
        }

        if (file.Length > MaxFileBytes)
        {
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"Maximum content size limit ({MaxFileBytes}) exceeded ({file.Length} bytes read)", "invalid_request_error");
            return;
        }

        var format = form["response_format"].ToString() is { Length: > 0 } requested ? requested : "json";
        if (format is not ("json" or "text" or "verbose_json" or "srt" or "vtt"))
        {
            await OpenAIErrors.InvalidRequestAsync(context,
                $"'{format}' is not one of ['json', 'text', 'srt', 'verbose_json', 'vtt'] - 'response_format'", "response_format");
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var wav = EmulatedWav.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var problem);
        if (wav is null)
        {
            await OpenAIErrors.InvalidRequestAsync(context,
                $"Invalid file format ({problem}). Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']",
                "file", "invalid_value");
            return;
        }

        if (wav.Duration < MinimumAudio)
        {
            await OpenAIErrors.InvalidRequestAsync(context,
                "Audio file is too short. Minimum audio length is 0.1 seconds.", "file", "audio_too_short");
            return;
        }

        var speech = SpeechLength(wav);
        var text = speech > TimeSpan.Zero ? EmulatedSpeech.Transcribe(speech) : "";
        var language = form["language"].ToString();
        log.Add(new RecordedTranscriptionRequest(model, file.FileName, wav, format, language.Length > 0 ? language : null, text));

        var (usage, tokens) = EmulatedTranscriptionUsage.For(model, wav.Duration, text);
        if (tokens is not null && format is "json" or "verbose_json")
        {
            log.Add(new RecordedUsage(context.Request.Path, tokens));
        }

        var (contentType, body) = Render(format, text, wav.Duration, language, usage);
        await admitted.WriteBodyAsync(context, contentType, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The total length of the utterances in the file, found as the emulated server VAD would.</summary>
    private static TimeSpan SpeechLength(EmulatedWav wav)
    {
        var voiceActivity = new EmulatedVoiceActivity(wav.SampleRate);
        var total = voiceActivity.Append(wav.MonoPcm16)
            .Where(e => !e.Started)
            .Aggregate(TimeSpan.Zero, (sum, e) => sum + e.SpeechLength);
        return total + voiceActivity.Flush();
    }

    /// <param name="usage">Sent only in the JSON formats, as the real API does.</param>
    private static (string ContentType, string Body) Render(string format, string text, TimeSpan duration, string language, JsonObject usage)
    {
        var seconds = duration.TotalSeconds;
        switch (format)
        {
            case "text":
                return ("text/plain; charset=utf-8", text + "\n");
            case "srt":
                return ("text/plain; charset=utf-8", $"1\n00:00:00,000 --> {Timestamp(duration, ',')}\n{text}\n\n");
            case "vtt":
                return ("text/plain; charset=utf-8", $"WEBVTT\n\n00:00:00.000 --> {Timestamp(duration, '.')}\n{text}\n\n");
            case "verbose_json":
                return ("application/json", new JsonObject
                {
                    ["task"] = "transcribe",
                    ["language"] = language.Length > 0 ? language : "english",
                    ["duration"] = seconds,
                    ["text"] = text,
                    ["segments"] = new JsonArray(new JsonObject
                    {
                        ["id"] = 0,
                        ["seek"] = 0,
                        ["start"] = 0.0,
                        ["end"] = seconds,
                        ["text"] = text,
                        ["tokens"] = new JsonArray(),
                        ["temperature"] = 0.0,
                        ["avg_logprob"] = -0.2,
                        ["compression_ratio"] = 1.0,
                        ["no_speech_prob"] = text.Length == 0 ? 0.9 : 0.01,
                    }),
                    ["usage"] = usage,
                }.ToJsonString());
            default:
                return ("application/json", new JsonObject { ["text"] = text, ["usage"] = usage }.ToJsonString());
        }
    }

    private static string Timestamp(TimeSpan time, char separator) =>
        time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) + separator + time.Milliseconds.ToString("000", CultureInfo.InvariantCulture);
}
