using System.Buffers;
using System.Buffers.Text;

namespace SyncHire.Providers.OpenAI;

/// <summary>
/// The `input_audio_buffer.append` client event, written by hand into a pooled buffer. It is half of an interview's
/// provider traffic (50 a second per candidate), and the SDK's path (BinaryData → command model → Utf8JsonWriter,
/// a new base64 string each time) cost more CPU per frame than relaying the frame did; this is one base64 pass into
/// a buffer between a fixed prefix and suffix. The other client events stay on the SDK. A struct, so a frame costs
/// no allocation at all: the one copy that owns the rented buffer is the caller's <c>using</c> local.
/// </summary>
internal struct InputAudioAppendMessage : IDisposable
{
    private static ReadOnlySpan<byte> Prefix => "{\"type\":\"input_audio_buffer.append\",\"audio\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\"}"u8;

    private byte[]? _buffer;

    /// <summary>Room for the event carrying <paramref name="pcmBytes"/> of audio; the audio goes in <see cref="Audio"/>.</summary>
    public InputAudioAppendMessage(int pcmBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pcmBytes);
        // The raw audio is written after the prefix and base64-encoded in place (the encoder works backwards).
        var encoded = Base64.GetMaxEncodedToUtf8Length(pcmBytes);
        _buffer = ArrayPool<byte>.Shared.Rent(Prefix.Length + encoded + Suffix.Length);
        AudioCapacity = pcmBytes;
    }

    public int AudioCapacity { get; }

    /// <summary>Where to write the raw PCM16 before <see cref="Seal"/>.</summary>
    public readonly Span<byte> Audio => Buffer.AsSpan(Prefix.Length, AudioCapacity);

    private readonly byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(InputAudioAppendMessage));

    /// <summary>Encodes the first <paramref name="pcmBytes"/> of <see cref="Audio"/> and returns the whole JSON event.</summary>
    public readonly ReadOnlyMemory<byte> Seal(int pcmBytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pcmBytes, AudioCapacity);
        var buffer = Buffer;
        Prefix.CopyTo(buffer);
        var status = Base64.EncodeToUtf8InPlace(buffer.AsSpan(Prefix.Length), pcmBytes, out var written);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException($"Encoding the audio stopped with {status}.");
        }

        var end = Prefix.Length + written;
        Suffix.CopyTo(buffer.AsSpan(end));
        return buffer.AsMemory(0, end + Suffix.Length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
