using System.Globalization;

namespace SyncHire.Grains.Cv.Pdf;

/// <summary>The two facts the CV reader needs from pdfinfo's "Key: value" report.</summary>
internal sealed record PdfInfoReport(int? Pages, bool Encrypted)
{
    public static PdfInfoReport Parse(string output)
    {
        int? pages = null;
        var encrypted = false;
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "Pages" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                pages = count;
            else if (key == "Encrypted")
                encrypted = value.StartsWith("yes", StringComparison.Ordinal);
        }
        return new PdfInfoReport(pages, encrypted);
    }
}
