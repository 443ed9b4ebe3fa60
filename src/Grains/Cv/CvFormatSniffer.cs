using System.Text;

namespace SyncHire.Grains.Cv;

/// <summary>
/// Decides what a file is from its first bytes. File names and content types are chosen by whoever uploads, so
/// they decide nothing: a ".pdf" that is an executable is refused here before any reader sees it.
/// </summary>
internal static class CvFormatSniffer
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    // An OLE compound file: legacy .doc, or (with an EncryptedPackage stream) a password-protected .docx.
    private static ReadOnlySpan<byte> CompoundFileMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Office stores an encrypted OOXML package as this stream inside a compound file; directory names are UTF-16.
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>The format of <paramref name="content"/>; a DOCX answer still needs the zip's own checks.</summary>
    public static CvFormat Detect(ReadOnlySpan<byte> content, string? fileName, string? contentType)
    {
        if (content.IsEmpty)
            throw new CvRejectedException(CvRejectionCodes.Corrupted, "The uploaded CV file is empty.");
        if (content.StartsWith(PdfMagic))
            return CvFormat.Pdf;
        if (content.StartsWith(ZipMagic))
            return CvFormat.Docx;
        if (content.StartsWith(CompoundFileMagic))
        {
            if (content.IndexOf(EncryptedPackageName) >= 0)
                throw new CvRejectedException(CvRejectionCodes.Encrypted,
                    "The CV is a password-protected Word document. Remove the password and upload it again.");
            throw new CvRejectedException(CvRejectionCodes.UnsupportedType,
                "The CV is an old Word 97-2003 (.doc) file. Save it as .docx or PDF and upload it again.");
        }

        throw new CvRejectedException(CvRejectionCodes.UnsupportedType,
            $"The CV{Describe(fileName, contentType)} is not a PDF or a Word (.docx) document: its content matches " +
            "neither format, whatever its name says.");
    }

    private static string Describe(string? fileName, string? contentType)
    {
        var parts = new[] { fileName, contentType }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? "" : $" ({string.Join(", ", parts.Select(Printable))})";
    }

    // Names come from the uploader: keep them short and free of control characters in messages and logs.
    private static string Printable(string? value)
    {
        var text = new string(value!.Where(c => !char.IsControl(c)).Take(100).ToArray());
        return $"'{text}'";
    }
}
