using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// POST /v1/audio/speech ({model, input, voice, response_format, speed}): 24 kHz mono PCM16 from the emulated
/// voice, raw (pcm) or with a WAV header (wav), written chunk by chunk with chunked transfer encoding so a client
/// can start playing before the whole sentence is synthesised, as the real endpoint streams.
/// </summary>
internal static class SpeechEndpoint
{
    public const int SampleRate = 24_000;
    private const int MaxInputCharacters = 4096;

    private static readonly HashSet<string> Voices =
        ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    public static async Task HandleAsync(HttpContext context, AdmittedRequest admitted, OpenAIHttpRequestLog log, EmulatorOptions options)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await OpenAIErrors.InvalidRequestAsync(context, $"We could not parse the JSON body of your request: {exception.Message}");
            return;
        }

        var model = Text(body?["model"]);
        var input = Text(body?["input"]);
        var voice = Text(body?["voice"]);
        var format = Text(body?["response_format"]) ?? "mp3";
        if (string.IsNullOrEmpty(model))
        {
            await OpenAIErrors.InvalidRequestAsync(context, "you must provide a model parameter", "model");
            return;
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            await OpenAIErrors.InvalidRequestAsync(context, "[] is too short - 'input'", "input");
            return;
        }

        if (input.Length > MaxInputCharacters)
        {
            await OpenAIErrors.InvalidRequestAsync(context,
                $"[{input.Length} characters] is too long - 'input' (at most {MaxInputCharacters})", "input", "string_above_max_length");
            return;
        }

        if (voice is null || !Voices.Contains(voice))
        {
            await OpenAIErrors.InvalidRequestAsync(context, $"Invalid value for 'voice': '{voice}' is not one of {string.Join(", ", Voices)}.", "voice");
            return;
        }

        if (format is not ("pcm" or "wav"))
        {
            // The real API also encodes mp3/opus/aac/flac; the emulator's synthetic voice is PCM only.
            await OpenAIErrors.InvalidRequestAsync(context,
                $"The emulator synthesises 'pcm' or 'wav' only; '{format}' was requested.", "response_format");
            return;
        }

        if (Text(body?["stream_format"]) is "sse")
        {
            await OpenAIErrors.InvalidRequestAsync(context, $"stream_format 'sse' is not supported for model {model}.", "stream_format");
            return;
        }

        var pcm = EmulatedSpeech.Synthesize(input, SampleRate);
        log.Add(new RecordedSpeechRequest(model, input, voice, format, pcm.Length));
        context.Response.ContentType = format == "wav" ? "audio/wav" : "audio/pcm";
        if (format == "wav")
        {
            await context.Response.Body.WriteAsync(WavHeader(pcm.Length), context.RequestAborted);
        }

        var sent = 0;
        await foreach (var chunk in AudioPacer.ChunksAsync(pcm, SampleRate, options, context.RequestAborted))
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (admitted.Drop && ++sent == 1)
            {
                // A connection lost after the first audio: the client has part of the sentence.
                context.Abort();
                return;
            }
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static byte[] WavHeader(int dataBytes)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataBytes);
        return header;
    }
}
