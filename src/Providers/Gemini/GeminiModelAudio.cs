using System.Text.Json;
using SyncHire.Audio;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// The model's voice in server messages: a `serverContent` whose `modelTurn` holds only `inlineData` audio parts is
/// most of what the Live API sends, so it is picked out of the UTF-8 with <see cref="Utf8JsonReader"/> and its base64
/// decoded straight into the PCM array that becomes the <see cref="AudioDelta"/>. A JsonDocument, a .NET string of
/// the base64 (twice its size again) and a second array per message were the cost of the general path. Any message
/// that carries anything else (transcription, turnComplete, interrupted, usage, a resumption update, a text part…)
/// is not taken here and goes the general way, so nothing the session must act on is ever skipped.
/// </summary>
internal static class GeminiModelAudio
{
    public const int SampleRate = 24_000;

    /// <summary>
    /// Decodes <paramref name="utf8Json"/> into <paramref name="pcmParts"/> (24 kHz, one entry per part) when the
    /// message is model audio and nothing else; false (with <paramref name="pcmParts"/> empty) for any other message.
    /// </summary>
    /// <exception cref="JsonException">The JSON is malformed, or the audio is not base64.</exception>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, List<ReadOnlyMemory<byte>> pcmParts)
    {
        pcmParts.Clear();
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // {"serverContent": {...}} and no other field.
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("serverContent"u8)
            || !reader.Read() || !TryReadServerContent(ref reader, pcmParts)
            || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            pcmParts.Clear();
            return false;
        }

        // Trailing data after the root is malformed JSON (the reader throws, as JsonDocument would).
        reader.Read();
        return pcmParts.Count > 0;
    }

    /// <summary>serverContent: {"modelTurn": {...}} and no other field (no turnComplete, interrupted, transcription…).</summary>
    private static bool TryReadServerContent(ref Utf8JsonReader reader, List<ReadOnlyMemory<byte>> pcmParts) =>
        reader.TokenType == JsonTokenType.StartObject
        && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("modelTurn"u8)
        && reader.Read() && TryReadModelTurn(ref reader, pcmParts)
        && reader.Read() && reader.TokenType == JsonTokenType.EndObject;

    /// <summary>modelTurn: "parts" once, and optionally its "role".</summary>
    private static bool TryReadModelTurn(ref Utf8JsonReader reader, List<ReadOnlyMemory<byte>> pcmParts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var sawParts = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("parts"u8) && !sawParts)
            {
                sawParts = true;
                if (!reader.Read() || !TryReadParts(ref reader, pcmParts))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                reader.Skip();
            }
            else
            {
                return false;
            }
        }

        return sawParts && reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>parts: an array of {"inlineData": {...}}, nothing else in any part.</summary>
    private static bool TryReadParts(ref Utf8JsonReader reader, List<ReadOnlyMemory<byte>> pcmParts)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("inlineData"u8)
                || !reader.Read() || !TryReadInlineData(ref reader, out var pcm)
                || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }

            pcmParts.Add(pcm);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>inlineData: "data" (base64) and "mimeType", each at most once and in either order.</summary>
    private static bool TryReadInlineData(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> pcm24k)
    {
        pcm24k = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        byte[]? pcm = null;
        int? rate = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                if (pcm is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                pcm = Base64Audio.Decode(ref reader, "The model audio Gemini Live sent");
            }
            else if (reader.ValueTextEquals("mimeType"u8))
            {
                if (rate is not null || !reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return false;
                }

                // The service's own type costs no string; any other is read as the general path reads it.
                rate = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("audio/pcm;rate=24000"u8)
                    ? SampleRate
                    : RateOf(reader.GetString());
            }
            else
            {
                // Other Blob fields (a display name) change nothing, as on the general path.
                reader.Read();
                reader.Skip();
            }
        }

        if (pcm is null || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        pcm24k = To24k(pcm, rate ?? SampleRate);
        return true;
    }

    /// <summary>The rate a mimeType such as "audio/pcm;rate=24000" declares; 24 kHz when it declares none.</summary>
    public static int RateOf(string? mimeType)
    {
        var rateIndex = mimeType?.IndexOf("rate=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return rateIndex >= 0 && int.TryParse(mimeType.AsSpan(rateIndex + 5).TrimEnd(), out var declared) && declared > 0
            ? declared
            : SampleRate;
    }

    /// <summary>Model audio is 24 kHz; a different declared rate is resampled so the contract's 24 kHz holds.</summary>
    public static ReadOnlyMemory<byte> To24k(byte[] pcm, int rate) =>
        rate == SampleRate || pcm.Length < Pcm16.BytesPerSample
            ? pcm
            : PcmResampler.Resample(pcm.AsSpan(0, pcm.Length / 2 * 2), rate, SampleRate);
}
