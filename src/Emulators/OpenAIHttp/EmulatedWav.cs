using System.Buffers.Binary;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// An uploaded WAV file as the emulated speech recogniser reads it: 16-bit PCM only (the emulator cannot decode
/// compressed audio; the real API would). Multichannel audio is mixed down to mono for voice activity.
/// </summary>
public sealed record EmulatedWav(int SampleRate, int Channels, byte[] MonoPcm16)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)MonoPcm16.Length / 2 / SampleRate);

    /// <summary>The parsed file, or null with the reason it is not a PCM16 WAV.</summary>
    public static EmulatedWav? TryParse(ReadOnlySpan<byte> file, out string problem)
    {
        problem = "";
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            problem = "the file is not a RIFF/WAVE file";
            return null;
        }

        int sampleRate = 0, channels = 0;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(position + 4)..]);
            var body = position + 8;
            var available = file.Length - body;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > available)
                {
                    problem = "the WAV format chunk is truncated";
                    return null;
                }

                var format = BinaryPrimitives.ReadUInt16LittleEndian(file[body..]);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 2)..]);
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(file[(body + 4)..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 14)..]);
                if (format is not (1 or 0xFFFE) || bits != 16 || channels == 0 || sampleRate is <= 0 or > 384_000)
                {
                    problem = $"the emulator reads 16-bit PCM WAV only (format 0x{format:X4}, {bits} bits, {channels} channels, {sampleRate} Hz)";
                    return null;
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    problem = "the WAV data chunk precedes its format chunk";
                    return null;
                }

                // Streamed writers leave placeholder sizes: the data is whatever follows.
                var length = size > available ? available : (int)size;
                return new EmulatedWav(sampleRate, channels, MixToMono(file.Slice(body, length), channels));
            }

            position = body + (int)Math.Min(size + (size & 1), (uint)available);
        }

        problem = channels == 0 ? "the WAV file has no format chunk" : "the WAV file has no data chunk";
        return null;
    }

    private static byte[] MixToMono(ReadOnlySpan<byte> interleaved, int channels)
    {
        var frames = interleaved.Length / (2 * channels);
        var mono = new byte[frames * 2];
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(interleaved[((frame * channels + channel) * 2)..]);
            }

            BinaryPrimitives.WriteInt16LittleEndian(mono.AsSpan(frame * 2), (short)(sum / channels));
        }

        return mono;
    }
}
