using System.Buffers;

namespace SyncHire.Gateway.Candidates;

/// <summary>
/// One client message, assembled from WebSocket reads. A small array that fits an audio frame and the usual events,
/// grown from the pool up to the limit only for a large message and given back after it: a session holds 4 KiB
/// between messages rather than a buffer of the 128 KiB limit, which was half its memory.
/// </summary>
internal sealed class ReceiveBuffer(int limit) : IDisposable
{
    private const int SmallBytes = 4 * 1024;

    private readonly byte[] _small = new byte[Math.Min(SmallBytes, limit)];
    private byte[]? _rented;
    private int _count;

    private byte[] Current => _rented ?? _small;

    private int Capacity => Math.Min(Current.Length, limit);

    /// <summary>Where the next read goes; empty when <see cref="IsFull"/>.</summary>
    public Memory<byte> Free => Current.AsMemory(_count, Capacity - _count);

    public bool IsFull => _count == Capacity;

    public ReadOnlyMemory<byte> Written => Current.AsMemory(0, _count);

    public void Advance(int count) => _count += count;

    /// <summary>Makes room for more of the message; false when it has reached the limit.</summary>
    public bool TryGrow()
    {
        if (Capacity >= limit)
        {
            return false;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Capacity * 4, limit));
        Current.AsSpan(0, _count).CopyTo(bigger);
        ReturnRented();
        _rented = bigger;
        return true;
    }

    /// <summary>Drops what was read of an oversized message, keeping the room to drain the rest of it.</summary>
    public void Discard() => _count = 0;

    /// <summary>Ready for the next message, back in the small array.</summary>
    public void Clear()
    {
        _count = 0;
        ReturnRented();
    }

    public void Dispose() => Clear();

    private void ReturnRented()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
