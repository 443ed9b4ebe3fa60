using System.Globalization;
using System.Text;

namespace SyncHire.Grains.Tests.Cv.Fixtures;

/// <summary>
/// Writes small but valid PDFs (catalog, page tree, a Helvetica font, one content stream per page, a correct
/// xref table), so the tests read real documents without committing binary files.
/// </summary>
internal static class MinimalPdf
{
    /// <summary>One page per string, each showing its text at the top of the page.</summary>
    public static byte[] WithPages(params string[] pageTexts) =>
        Write(pageTexts.Select(text => $"BT /F1 12 Tf 72 720 Td ({Escape(text)}) Tj ET").ToArray(), encryptWithUnknownPassword: false);

    /// <summary>Pages that only paint a filled rectangle: what a scan looks like to a text extractor.</summary>
    public static byte[] ImageOnly(int pages = 1) =>
        Write(Enumerable.Repeat("q 0.5 g 72 72 468 648 re f Q", pages).ToArray(), encryptWithUnknownPassword: false);

    /// <summary>
    /// A standard-security-handler (RC4) dictionary whose user-password hash matches no password a reader can
    /// try, i.e. a PDF that opens only with a password the uploader did not give.
    /// </summary>
    public static byte[] PasswordProtected(string text) =>
        Write([$"BT /F1 12 Tf 72 720 Td ({Escape(text)}) Tj ET"], encryptWithUnknownPassword: true);

    private static byte[] Write(string[] pageContents, bool encryptWithUnknownPassword)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pageContents.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {pageContents.Length} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        for (var i = 0; i < pageContents.Length; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>");
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(pageContents[i])} >>\nstream\n{pageContents[i]}\nendstream");
        }
        if (encryptWithUnknownPassword)
            objects.Add($"<< /Filter /Standard /V 1 /R 2 /O <{new string('1', 64)}> /U <{new string('2', 64)}> /P -4 >>");

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        var trailer = $"/Size {objects.Count + 1} /Root 1 0 R";
        if (encryptWithUnknownPassword)
            trailer += $" /Encrypt {objects.Count} 0 R /ID [<{new string('a', 32)}> <{new string('a', 32)}>]";
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        // Offsets above count characters; ASCII keeps them equal to bytes.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
