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

    public static void Inspect(Stream package, CvOptions.DocxLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxEntries)
                throw new CvRejectedException(CvRejectionCodes.TooLarge,
                    $"The Word document holds {entries.Count} files; at most {limits.MaxEntries} are accepted.");

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
}
