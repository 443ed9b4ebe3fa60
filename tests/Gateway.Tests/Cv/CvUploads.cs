using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SyncHire.Gateway.Tests.Cv;

/// <summary>CV files built at test time, and the multipart bodies that carry them.</summary>
internal static class CvUploads
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A real Word document with one paragraph per line.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(text => new Paragraph(new Run(new Text(text))))));
        }

        return stream.ToArray();
    }

    /// <summary>A form with the given fields (a field given several values is repeated) and, optionally, a file in "cv".</summary>
    public static MultipartFormDataContent Form(
        IEnumerable<(string Name, string Value)> fields, byte[]? file = null, string fileName = "cv.docx", string contentType = DocxContentType)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(content, "cv", fileName);
        }

        return form;
    }

    public static (string, string)[] InterviewFields(params string[] questions) =>
    [
        ("candidateName", "Ada Lovelace"),
        ("jobTitle", "Backend engineer"),
        ("level", "advanced"),
        ("maxDurationMinutes", "30"),
        .. questions.Select(q => ("questions", q)),
    ];
}
