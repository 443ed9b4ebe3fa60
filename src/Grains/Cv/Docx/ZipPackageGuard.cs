using System.Buffers.Binary;
using System.IO.Compression;

namespace SyncHire.Grains.Cv.Docx;

/// <summary>
/// Looks at a DOCX's zip central directory before any part is decompressed: too many entries, too much declared
/// content or an entry that inflates like a zip bomb are refused here, so the Open XML reader only ever opens a
/// package whose expansion is bounded. (Reading an entry never inflates past its declared size in .NET, so the
/// declared sizes checked here are the ones that hold.)
/// </summary>
internal static class ZipPackageGuard
{
    public const string MainDocumentEntry = "word/document.xml";

    // Small entries cannot hurt whatever their ratio, and tiny XML parts (settings, empty headers) compress far
    // better than 100:1; the ratio check starts above this size.
    private const long RatioCheckFloorBytes = 64 * 1024;

    // End-of-central-directory record: signature, then the total entry count at +10; at most 64 KB of comment follows.
    private const uint EndOfCentralDirectorySignature = 0x06054B50;
    private const int EndOfCentralDirectorySize = 22;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const int Zip64LocatorSize = 20;
    private const uint Zip64EndSignature = 0x06064B50;

    public static void Inspect(byte[] package, CvOptions.DocxLimits limits)
    {
        // ZipArchive builds an object per entry before anything can be counted: read the declared count first.
        if (DeclaredEntryCount(package) is { } declared && declared > limits.MaxEntries)
            throw TooManyEntries(declared, limits);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxEntries)
                throw TooManyEntries(entries.Count, limits);

            long total = 0;
            var hasMainDocument = false;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                    throw new CvRejectedException(CvRejectionCodes.TooLarge,
                        $"The Word document expands to more than {BoundedUpload.FormatSize(limits.MaxUncompressedBytes)}.");
                if (entry.Length > RatioCheckFloorBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                    throw new CvRejectedException(CvRejectionCodes.TooLarge,
                        $"The Word document contains a part compressed more than {limits.MaxCompressionRatio}:1 (a zip bomb).");
                hasMainDocument |= entry.FullName == MainDocumentEntry;
            }

            if (!hasMainDocument)
                throw new CvRejectedException(CvRejectionCodes.UnsupportedType,
                    "The file is a zip archive but not a Word (.docx) document.");
        }
        catch (InvalidDataException)
        {
            throw new CvRejectedException(CvRejectionCodes.Corrupted, "The Word document is damaged: its zip structure is invalid.");
        }
    }

    private static CvRejectedException TooManyEntries(long count, CvOptions.DocxLimits limits) =>
        new(CvRejectionCodes.TooLarge, $"The Word document holds {count} files; at most {limits.MaxEntries} are accepted.");

    /// <summary>
    /// The entry count the zip's end records declare (the Zip64 one when the classic record says 0xFFFF), or null
    /// when they cannot be found; ZipArchive then judges the file, at a cost still bounded by the upload size.
    /// </summary>
    private static long? DeclaredEntryCount(ReadOnlySpan<byte> zip)
    {
        var searchFrom = Math.Max(0, zip.Length - EndOfCentralDirectorySize - ushort.MaxValue);
        for (var at = zip.Length - EndOfCentralDirectorySize; at >= searchFrom; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[at..]) != EndOfCentralDirectorySignature)
                continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 10)..]);
            return count == ushort.MaxValue ? Zip64EntryCount(zip, at) : count;
        }
        return null;
    }

    // The Zip64 locator (20 bytes) sits just before the classic end record and points at the Zip64 end record,
    // whose total entry count is at +32.
    private static long? Zip64EntryCount(ReadOnlySpan<byte> zip, int endRecordAt)
    {
        var locatorAt = endRecordAt - Zip64LocatorSize;
        if (locatorAt < 0 || BinaryPrimitives.ReadUInt32LittleEndian(zip[locatorAt..]) != Zip64LocatorSignature)
            return null;
        var recordAt = BinaryPrimitives.ReadUInt64LittleEndian(zip[(locatorAt + 8)..]);
        if (recordAt > (ulong)(zip.Length - 40) || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)recordAt..]) != Zip64EndSignature)
            return null;
        return (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)recordAt + 32)..]), long.MaxValue);
    }
}
