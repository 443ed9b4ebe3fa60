using System.Buffers.Binary;
using SyncHire.Audio;

namespace SyncHire.Providers.Pipeline;

/// <summary>Wraps mono PCM16 in a canonical 44-byte WAV header, the container the transcription endpoint reads.</summary>
internal static class PcmWav
{
    private const int HeaderBytes = 44;

    public static byte[] Encode(ReadOnlySpan<byte> pcm16Mono, int sampleRate)
    {
        var wav = new byte[HeaderBytes + pcm16Mono.Length];
        var header = wav.AsSpan();
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderBytes - 8 + pcm16Mono.Length);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * Pcm16.BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], Pcm16.BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], pcm16Mono.Length);
        pcm16Mono.CopyTo(wav.AsSpan(HeaderBytes));
        return wav;
    }
}
