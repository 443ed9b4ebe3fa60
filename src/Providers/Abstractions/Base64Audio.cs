using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace SyncHire.Providers;

/// <summary>
/// Realtime providers send audio as a base64 JSON string. An adapter reading it with <see cref="Utf8JsonReader"/>
/// decodes it here straight into the PCM array its audio event carries: no .NET string of the base64 (twice the
/// size again), no intermediate copy unless the value was escaped.
/// </summary>
public static class Base64Audio
{
    /// <summary>The base64 string the reader is on, decoded into an array of exactly its length.</summary>
    /// <param name="what">Names the value in the error, e.g. "The audio delta".</param>
    /// <exception cref="JsonException">The value is not base64.</exception>
    public static byte[] Decode(ref Utf8JsonReader reader, string what)
    {
        if (!reader.ValueIsEscaped)
        {
            return Decode(reader.ValueSpan, what);
        }

        // A JSON encoder may escape "+" (System.Text.Json writes \u002B); unescape into a pooled scratch buffer.
        var scratch = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(scratch);
            return Decode(scratch.AsSpan(0, length), what);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <inheritdoc cref="Decode(ref Utf8JsonReader, string)"/>
    public static byte[] Decode(ReadOnlySpan<byte> base64, string what)
    {
        var padding = base64.Length == 0 || base64[^1] != '=' ? 0 : base64.Length > 1 && base64[^2] == '=' ? 2 : 1;
        var pcm = new byte[Math.Max(0, base64.Length / 4 * 3 - padding)];
        var status = Base64.DecodeFromUtf8(base64, pcm, out _, out var written);
        if (status == OperationStatus.Done && written == pcm.Length)
        {
            return pcm;
        }

        // Whitespace inside the base64 (which the decoder skips, as Convert.FromBase64String did) makes the length
        // above wrong; measure it. Anything else is not base64.
        if (Base64.IsValid(base64, out var decodedLength))
        {
            pcm = new byte[decodedLength];
            status = Base64.DecodeFromUtf8(base64, pcm, out _, out written);
            if (status == OperationStatus.Done && written == decodedLength)
            {
                return pcm;
            }
        }

        throw new JsonException($"{what} is not valid base64 ({status}).");
    }
}
