using System.Buffers.Binary;
using System.Text;
using SyncHire.Audio;
using Xunit;

namespace SyncHire.Grains.Tests.Audio;

public sealed class WavReaderTests
{
    private static readonly short[] Samples = TestSignals.Sine(440, TimeSpan.FromMilliseconds(100), 22_050);

    [Fact]
    public void A_standard_pcm16_file_gives_its_rate_and_samples()
    {
        var audio = WavReader.Read(Wav(Samples, sampleRate: 22_050));

        Assert.Equal(22_050, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal(Samples, audio.Samples);
        Assert.Equal(TimeSpan.FromMilliseconds(100), audio.Duration);
    }

    [Theory]
    [InlineData(0x7FFFF000u)] // what espeak-ng --stdout writes
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x7FFFFFFFu)]
    public void A_streamed_header_with_unknown_sizes_is_read_to_the_end(uint placeholder)
    {
        var audio = WavReader.Read(Wav(Samples, sampleRate: 22_050, riffSize: placeholder, dataSize: placeholder));

        Assert.Equal(Samples, audio.Samples);
    }

    [Fact]
    public void Chunks_before_the_data_are_skipped_including_their_pad_byte()
    {
        var list = Chunk("LIST", Encoding.ASCII.GetBytes("INFOabc")); // 7 bytes: odd, so padded
        var audio = WavReader.Read(Wav(Samples, sampleRate: 16_000, extraChunkBeforeData: list));

        Assert.Equal(Samples, audio.Samples);
    }

    [Fact]
    public async Task A_stream_is_read_like_a_buffer()
    {
        await using var stream = new MemoryStream(Wav(Samples, sampleRate: 16_000));

        var audio = await WavReader.ReadAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(16_000, audio.SampleRate);
        Assert.Equal(Samples, audio.Samples);
    }

    [Theory]
    [InlineData(1, 8, "16-bit integer PCM")]
    [InlineData(3, 32, "16-bit integer PCM")]   // IEEE float
    [InlineData(6, 16, "16-bit integer PCM")]   // A-law
    public void Formats_other_than_pcm16_are_rejected_with_the_reason(int formatTag, int bits, string expected)
    {
        var wav = Wav(Samples, sampleRate: 16_000, formatTag: (ushort)formatTag, bitsPerSample: (ushort)bits);

        var error = Assert.Throws<InvalidDataException>(() => WavReader.Read(wav));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Garbage_is_rejected()
    {
        var garbage = Encoding.ASCII.GetBytes("<html>this is not audio at all</html>");

        Assert.Contains("RIFF/WAVE", Assert.Throws<InvalidDataException>(() => WavReader.Read(garbage)).Message);
        Assert.Throws<InvalidDataException>(() => WavReader.Read([]));
    }

    [Fact]
    public void A_file_without_format_or_data_is_rejected()
    {
        var headerOnly = Wav(Samples, 16_000)[..12];
        var noData = Wav(Samples, 16_000)[..36];
        var dataFirst = Concat("RIFF"u8.ToArray(), new byte[4], "WAVE"u8.ToArray(), Chunk("data", new byte[4]));

        Assert.Contains("no format chunk", Assert.Throws<InvalidDataException>(() => WavReader.Read(headerOnly)).Message);
        Assert.Contains("no data chunk", Assert.Throws<InvalidDataException>(() => WavReader.Read(noData)).Message);
        Assert.Contains("before its format", Assert.Throws<InvalidDataException>(() => WavReader.Read(dataFirst)).Message);
    }

    [Fact]
    public void A_truncated_chunk_before_the_data_is_rejected()
    {
        var truncated = Concat("RIFF"u8.ToArray(), new byte[4], "WAVE"u8.ToArray(), "LIST"u8.ToArray(), BitConverter.GetBytes(1000), new byte[10]);

        Assert.Contains("runs past the end", Assert.Throws<InvalidDataException>(() => WavReader.Read(truncated)).Message);
    }

    private static byte[] Wav(
        short[] samples,
        int sampleRate,
        uint? riffSize = null,
        uint? dataSize = null,
        ushort formatTag = 1,
        ushort bitsPerSample = 16,
        byte[]? extraChunkBeforeData = null)
    {
        var data = Pcm16.ToBytes(samples);
        var format = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(format, formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(8), (uint)(sampleRate * bitsPerSample / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(12), (ushort)(bitsPerSample / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(14), bitsPerSample);

        var dataChunk = Chunk("data", data, dataSize);
        var body = Concat("WAVE"u8.ToArray(), Chunk("fmt ", format), extraChunkBeforeData ?? [], dataChunk);
        var riff = new byte[8];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), riffSize ?? (uint)body.Length);
        return Concat(riff, body);
    }

    private static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        var header = new byte[8];
        Encoding.ASCII.GetBytes(id, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), declaredSize ?? (uint)body.Length);
        return Concat(header, body, body.Length % 2 == 1 ? [0] : []);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
}
