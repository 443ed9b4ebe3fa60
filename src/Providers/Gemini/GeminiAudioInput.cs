using System.Buffers;
using System.Buffers.Text;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// The `realtimeInput.audio` client message, written straight into its one array with the base64 encoded in place.
/// It is 50 messages a second per candidate; the JsonObject tree, a base64 string and a serialiser pass per frame
/// cost more than sending it. The array is the message's only copy: the session keeps it for replay after a resume.
/// </summary>
internal static class GeminiAudioInput
{
    private static ReadOnlySpan<byte> Prefix => "{\"realtimeInput\":{\"audio\":{\"data\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\",\"mimeType\":\"audio/pcm;rate=16000\"}}}"u8;

    public static byte[] Encode(ReadOnlySpan<byte> pcm16Mono16k)
    {
        var encodedLength = Base64.GetMaxEncodedToUtf8Length(pcm16Mono16k.Length);
        var message = new byte[Prefix.Length + encodedLength + Suffix.Length];
        Prefix.CopyTo(message);
        var audio = message.AsSpan(Prefix.Length, encodedLength);
        pcm16Mono16k.CopyTo(audio);
        if (Base64.EncodeToUtf8InPlace(audio, pcm16Mono16k.Length, out var written) != OperationStatus.Done || written != encodedLength)
        {
            throw new InvalidOperationException("Encoding the audio in place failed.");
        }

        Suffix.CopyTo(message.AsSpan(Prefix.Length + encodedLength));
        return message;
    }
}
