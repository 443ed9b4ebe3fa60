using System.Buffers.Binary;

namespace SyncHire.Audio;

/// <summary>
/// Reads RIFF/WAVE files holding 16-bit integer PCM. Streamed writers (espeak-ng --stdout, sox to a pipe) cannot
/// seek back to fill in sizes, so they write placeholders (0, 0xFFFFFFFF, 0x7FFFFFFF or a bogus large value): a data
/// chunk whose size runs past the end of the input is read to the end instead of being rejected.
/// </summary>
public static class WavReader
{
    private const ushort PcmFormat = 1;
    private const ushort ExtensibleFormat = 0xFFFE;

    /// <exception cref="InvalidDataException">The input is not a PCM16 WAV file.</exception>
    public static async Task<WavAudio> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <exception cref="InvalidDataException">The input is not a PCM16 WAV file.</exception>
    public static WavAudio Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a WAV file: it does not start with a RIFF/WAVE header.");
        }

        int? sampleRate = null;
        var channels = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(wav[(position + 4)..]);
            var body = position + 8;
            var available = wav.Length - body;

            if (id.SequenceEqual("fmt "u8))
            {
                if (declaredSize < 16 || declaredSize > available)
                {
                    throw new InvalidDataException($"The WAV format chunk is truncated ({declaredSize} bytes declared, {available} present).");
                }

                (sampleRate, channels) = ReadFormat(wav.Slice(body, (int)declaredSize));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is null)
                {
                    throw new InvalidDataException("The WAV data chunk comes before its format chunk.");
                }

                // Placeholder sizes from streamed writers point past the end: the data is whatever follows.
                var length = declaredSize > available ? available : (int)declaredSize;
                length -= length % (Pcm16.BytesPerSample * channels);
                return new WavAudio(sampleRate.Value, channels, Pcm16.ToSamples(wav.Slice(body, length)));
            }

            if (declaredSize > available)
            {
                throw new InvalidDataException($"The WAV chunk '{DescribeId(id)}' runs past the end of the file.");
            }

            // Chunks are word-aligned: an odd-sized chunk is followed by a pad byte.
            position = body + (int)declaredSize + (int)(declaredSize & 1);
        }

        throw new InvalidDataException(sampleRate is null
            ? "The WAV file has no format chunk."
            : "The WAV file has no data chunk.");
    }

    private static (int SampleRate, int Channels) ReadFormat(ReadOnlySpan<byte> format)
    {
        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(format[4..]);
        var bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);

        var isPcm = formatTag == PcmFormat
            // WAVE_FORMAT_EXTENSIBLE carries the real format in its sub-format GUID, whose first two bytes are the tag.
            || (formatTag == ExtensibleFormat && format.Length >= 26 && BinaryPrimitives.ReadUInt16LittleEndian(format[24..]) == PcmFormat);
        if (!isPcm || bitsPerSample != 16)
        {
            throw new InvalidDataException(
                $"Only 16-bit integer PCM WAV is supported; this file has format tag 0x{formatTag:X4} with {bitsPerSample} bits per sample.");
        }

        if (channels == 0 || sampleRate == 0 || sampleRate > 384_000)
        {
            throw new InvalidDataException($"The WAV format is invalid: {channels} channels at {sampleRate} Hz.");
        }

        return ((int)sampleRate, channels);
    }

    private static string DescribeId(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }
}
