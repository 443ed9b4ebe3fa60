namespace SyncHire.Gateway.Cv;

/// <summary>
/// The request body as the form reader sees it: reading beyond <c>limit</c> bytes throws
/// <see cref="UploadTooLargeException"/>. The upload's own limit lives here rather than in Kestrel's
/// MaxRequestBodySize so that going over it does not poison the connection: the rest of the body can still be read
/// and discarded, and the client, which may still be sending, gets the 413 instead of a reset.
/// </summary>
internal sealed class UploadLimitStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new UploadTooLargeException() : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The upload went over its limit while the form was read.</summary>
internal sealed class UploadTooLargeException() : IOException("The upload is larger than its limit.");
