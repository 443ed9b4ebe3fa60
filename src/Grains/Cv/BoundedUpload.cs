namespace SyncHire.Grains.Cv;

/// <summary>Reads an upload into memory without ever holding more than the size limit plus one buffer.</summary>
internal static class BoundedUpload
{
    private const int BufferSize = 81_920;

    public static async Task<byte[]> ReadAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
            throw TooLarge(maxBytes);

        using var copy = new MemoryStream();
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
                throw TooLarge(maxBytes);
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static CvRejectedException TooLarge(long maxBytes) =>
        new(CvRejectionCodes.TooLarge, $"The CV is larger than the {FormatSize(maxBytes)} limit.");

    internal static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";
}
