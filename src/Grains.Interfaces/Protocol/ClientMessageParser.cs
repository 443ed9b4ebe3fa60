using System.Buffers.Binary;
using System.Text.Json;

namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>
/// Turns client frames into <see cref="ClientMessage"/>s. Tolerant of fields it does not know (clients built for the
/// backend guide send a "timestamp" we do not need), strict about the types of the fields it uses.
/// </summary>
public static class ClientMessageParser
{
    private const int MaxDepth = 8;

    /// <summary>Parses a text frame (UTF-8 JSON).</summary>
    public static ClientParseResult ParseText(ReadOnlySpan<byte> utf8Json, int maxAudioBytes = ProtocolLimits.DefaultMaxAudioFrameBytes)
    {
        if (utf8Json.Length > ProtocolLimits.MaxTextFrameBytes)
        {
            return ClientParseResult.Fail(ErrorCodes.FrameTooLarge,
                $"Text frames may be at most {ProtocolLimits.MaxTextFrameBytes} bytes; this one has {utf8Json.Length}.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            try
            {
                // Reading past the value throws on anything but whitespace ("{...} {...}"): one frame, one message.
                reader.Read();
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch (JsonException exception)
        {
            return ClientParseResult.Fail(ErrorCodes.InvalidJson, $"The message is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ClientParseResult.Fail(ErrorCodes.InvalidJson, "The message must be a JSON object with a \"type\".");
            }

            if (!root.TryGetProperty("type", out var type))
            {
                return ClientParseResult.Fail(ErrorCodes.MissingField, "The message has no \"type\".");
            }

            if (type.ValueKind != JsonValueKind.String)
            {
                return ClientParseResult.Fail(ErrorCodes.MissingField, "\"type\" must be a string.");
            }

            return type.GetString() switch
            {
                ClientMessageTypes.StartInterview => ParseStartInterview(root),
                ClientMessageTypes.CommitTurn => ClientParseResult.Ok(new ClientMessage.CommitTurn()),
                ClientMessageTypes.EndInterview => ClientParseResult.Ok(new ClientMessage.EndInterview()),
                ClientMessageTypes.Ping => ClientParseResult.Ok(new ClientMessage.Ping()),
                ClientMessageTypes.TextAnswer => ParseTextAnswer(root),
                ClientMessageTypes.AudioChunk => ParseAudioChunk(root, maxAudioBytes),
                var unknown => ClientParseResult.Fail(ErrorCodes.UnknownType, $"Unknown message type \"{unknown}\"."),
            };
        }
    }

    /// <summary>Parses a binary frame: PCM16 little-endian mono 16 kHz.</summary>
    public static ClientParseResult ParseBinary(ReadOnlyMemory<byte> pcm16, int maxAudioBytes = ProtocolLimits.DefaultMaxAudioFrameBytes)
    {
        var problem = CheckAudioLength(pcm16.Length, maxAudioBytes);
        return problem is null
            ? ClientParseResult.Ok(new ClientMessage.AudioChunk(pcm16))
            : ClientParseResult.Fail(ErrorCodes.InvalidAudio, problem);
    }

    /// <summary>Whether a binary frame of this length is acceptable audio (the check behind <see cref="ParseBinary"/>).</summary>
    public static bool IsValidAudioFrame(int length, int maxAudioBytes) => CheckAudioLength(length, maxAudioBytes) is null;

    private static ClientParseResult ParseStartInterview(JsonElement root)
    {
        if (!root.TryGetProperty("consent", out var consent) || consent.ValueKind == JsonValueKind.Null)
        {
            return ClientParseResult.Ok(new ClientMessage.StartInterview());
        }

        return consent.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? ClientParseResult.Ok(new ClientMessage.StartInterview(consent.GetBoolean()))
            : ClientParseResult.Fail(ErrorCodes.MissingField, "start_interview \"consent\" must be true or false.");
    }

    private static ClientParseResult ParseTextAnswer(JsonElement root)
    {
        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return ClientParseResult.Fail(ErrorCodes.MissingField, "text_answer needs \"text\" as a string.");
        }

        var value = text.GetString()!.Trim();
        return value.Length == 0
            ? ClientParseResult.Fail(ErrorCodes.MissingField, "text_answer needs a non-empty \"text\".")
            : ClientParseResult.Ok(new ClientMessage.TextAnswer(value));
    }

    private static ClientParseResult ParseAudioChunk(JsonElement root, int maxAudioBytes)
    {
        if (!root.TryGetProperty("data", out var data))
        {
            return ClientParseResult.Fail(ErrorCodes.MissingField, "audio_chunk needs \"data\", an array of int16 samples.");
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            return ClientParseResult.Fail(ErrorCodes.InvalidAudio, "audio_chunk \"data\" must be an array of int16 samples.");
        }

        var byteCount = data.GetArrayLength() * 2;
        var problem = CheckAudioLength(byteCount, maxAudioBytes);
        if (problem is not null)
        {
            return ClientParseResult.Fail(ErrorCodes.InvalidAudio, problem);
        }

        var pcm = new byte[byteCount];
        var offset = 0;
        foreach (var sample in data.EnumerateArray())
        {
            if (sample.ValueKind != JsonValueKind.Number || !sample.TryGetInt32(out var value) || value is < short.MinValue or > short.MaxValue)
            {
                return ClientParseResult.Fail(ErrorCodes.InvalidAudio,
                    $"audio_chunk sample {offset / 2} is not an integer between {short.MinValue} and {short.MaxValue}.");
            }

            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(offset, 2), (short)value);
            offset += 2;
        }

        return ClientParseResult.Ok(new ClientMessage.AudioChunk(pcm));
    }

    private static string? CheckAudioLength(int byteCount, int maxAudioBytes) => byteCount switch
    {
        0 => "Audio frames must not be empty.",
        _ when byteCount % 2 != 0 => $"Audio frames hold whole 16-bit samples; {byteCount} bytes is an odd length.",
        _ when byteCount > maxAudioBytes => $"Audio frames may be at most {maxAudioBytes} bytes; this one has {byteCount}.",
        _ => null,
    };
}
