using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>CV files written at test time for the setup form's file input.</summary>
internal static class CvDocument
{
    /// <summary>A real Word document, one paragraph per line, saved under the given file name.</summary>
    public static string WriteDocx(string fileName, params string[] paragraphs)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"synchire-cv-{Guid.NewGuid():N}")).FullName, fileName);
        using (var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(text => new Paragraph(new Run(new Text(text))))));
        }

        return path;
    }

    /// <summary>A file that claims to be a Word document but is not one.</summary>
    public static string WriteBrokenDocx(string fileName)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"synchire-cv-{Guid.NewGuid():N}")).FullName, fileName);
        File.WriteAllText(path, "This is plain text pretending to be a Word document.");
        return path;
    }
}
