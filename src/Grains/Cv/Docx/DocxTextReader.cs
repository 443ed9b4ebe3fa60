using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SyncHire.Grains.Cv.Docx;

/// <summary>
/// Reads a DOCX's body text with the Open XML SDK, after <see cref="ZipPackageGuard"/> has bounded what the zip
/// can expand to. The body is streamed with <see cref="OpenXmlReader"/> rather than loaded as a DOM, each part is
/// capped in characters, and reading stops at the extraction cap.
/// </summary>
internal static class DocxTextReader
{
    public static ExtractedDocument Read(byte[] docx, CvOptions options, CancellationToken cancellationToken)
    {
        ZipPackageGuard.Inspect(docx, options.Docx);
        using var package = new MemoryStream(docx, writable: false);
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = options.Docx.MaxUncompressedBytes };
            using var document = WordprocessingDocument.Open(package, isEditable: false, settings);
            var body = document.MainDocumentPart
                ?? throw new CvRejectedException(CvRejectionCodes.Corrupted, "The Word document has no main document part.");
            var text = ReadText(body, options.MaxExtractedChars * 2L, cancellationToken);
            return new ExtractedDocument(text, PageCount(document));
        }
        catch (Exception ex) when (ex is not (CvRejectedException or OperationCanceledException))
        {
            // The SDK reports damage through many types (OpenXmlPackageException, XmlException, IOException,
            // InvalidDataException, FileFormatException...): to the uploader they all mean the same thing.
            throw new CvRejectedException(CvRejectionCodes.Corrupted, "The Word document is damaged and could not be read.");
        }
    }

    private static string ReadText(MainDocumentPart body, long maxChars, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        using var reader = OpenXmlReader.Create(body);
        var elements = 0;
        while (reader.Read() && text.Length < maxChars)
        {
            if (++elements % 1024 == 0)
                cancellationToken.ThrowIfCancellationRequested();

            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (type == typeof(Text))
                    text.Append(reader.GetText());
                else if (type == typeof(TabChar))
                    text.Append('\t');
                else if (type == typeof(Break) || type == typeof(CarriageReturn))
                    text.Append('\n');
            }
            else if (reader.IsEndElement && type == typeof(Paragraph))
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    // Word records the page count it last laid out in docProps/app.xml; other writers may not.
    private static int? PageCount(WordprocessingDocument document)
    {
        var pages = document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text;
        return int.TryParse(pages, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
    }
}
