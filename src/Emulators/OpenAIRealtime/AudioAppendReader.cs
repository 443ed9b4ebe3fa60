using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// Reads the common shape of `input_audio_buffer.append` (50 a second per session) straight off the UTF-8 bytes and
/// decodes its base64 into a reused buffer. Parsing each one into a JsonObject with a .NET string of the audio cost
/// the benchmark's emulator most of a core at a few hundred sessions, making the harness the ceiling. Anything
/// unusual (other fields, escapes, bad base64, an odd length) is left to the general path, which answers it as the real API does.
/// </summary>
internal sealed class AudioAppendReader
{
    private byte[] _pcm = new byte[4096];

    /// <summary>The decoded audio of an append event; false when the message is anything else, or needs the general path.</summary>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, out ReadOnlyMemory<byte> pcm)
    {
        try
        {
            return TryReadAppend(utf8Json, out pcm);
        }
        catch (JsonException)
        {
            pcm = default;
            return false; // Not JSON at all: the general path says so.
        }
    }

    private bool TryReadAppend(ReadOnlySpan<byte> utf8Json, out ReadOnlyMemory<byte> pcm)
    {
        pcm = default;
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var isAppend = false;
        var decoded = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isAudio = !isType && reader.ValueTextEquals("audio"u8);
            if ((!isType && !isAudio) || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return false; // event_id and other fields: the general path records and answers them.
            }

            if (isType)
            {
                isAppend = reader.ValueTextEquals("input_audio_buffer.append"u8);
                if (!isAppend)
                {
                    return false;
                }
            }
            else if ((decoded = Decode(reader.ValueSpan)) < 0)
            {
                return false;
            }
        }

        if (!isAppend || decoded < 0 || decoded % 2 != 0 || reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        pcm = _pcm.AsMemory(0, decoded);
        return true;
    }

    private int Decode(ReadOnlySpan<byte> base64)
    {
        var needed = Base64.GetMaxDecodedFromUtf8Length(base64.Length);
        if (needed > _pcm.Length)
        {
            _pcm = new byte[Math.Max(needed, _pcm.Length * 2)];
        }

        return Base64.DecodeFromUtf8(base64, _pcm, out _, out var written) == OperationStatus.Done ? written : -1;
    }
}
