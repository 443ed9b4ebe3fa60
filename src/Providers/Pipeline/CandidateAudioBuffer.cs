using SyncHire.Audio;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// The candidate's audio since their last turn ended, addressed by stream offset so a voice activity detector's
/// offsets can cut an utterance out of it. Bounded: between utterances only a recent window is kept.
/// </summary>
internal sealed class CandidateAudioBuffer(int sampleRate, TimeSpan capacity)
{
    private readonly int _capacityBytes = Pcm16.ByteCount(capacity, sampleRate);
    private byte[] _data = new byte[Pcm16.ByteCount(TimeSpan.FromSeconds(5), sampleRate)];
    private int _length;

    /// <summary>Stream position (bytes since the session began) of the first buffered byte.</summary>
    private long _startPosition;

    public int Length => _length;

    public bool IsFull => _length >= _capacityBytes;

    public void Append(ReadOnlySpan<byte> pcm)
    {
        if (_length + pcm.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + pcm.Length));
        }

        pcm.CopyTo(_data.AsSpan(_length));
        _length += pcm.Length;
    }

    /// <summary>Forgets audio before <paramref name="streamOffset"/>, keeping at most the buffer's capacity.</summary>
    public void DropBefore(TimeSpan streamOffset)
    {
        var keepFrom = Math.Max(ToPosition(streamOffset), _startPosition + _length - _capacityBytes);
        var drop = (int)Math.Clamp(keepFrom - _startPosition, 0, _length);
        drop -= drop % Pcm16.BytesPerSample;
        if (drop == 0)
        {
            return;
        }

        Buffer.BlockCopy(_data, drop, _data, 0, _length - drop);
        _length -= drop;
        _startPosition += drop;
    }

    /// <summary>Removes and returns everything buffered from <paramref name="streamOffset"/> (or the oldest audio kept).</summary>
    public byte[] TakeFrom(TimeSpan streamOffset)
    {
        DropBefore(streamOffset);
        var taken = _data.AsSpan(0, _length).ToArray();
        _startPosition += _length;
        _length = 0;
        return taken;
    }

    private long ToPosition(TimeSpan streamOffset) =>
        streamOffset <= TimeSpan.Zero ? 0 : (long)Pcm16.ByteCount(streamOffset, sampleRate);
}
