using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExtendedProperties = DocumentFormat.OpenXml.ExtendedProperties;

namespace SyncHire.Grains.Tests.Cv.Fixtures;

/// <summary>Real and hostile DOCX files, built at test time.</summary>
internal static class DocxFiles
{
    /// <summary>A Word document with one paragraph per string, optionally recording its page count as Word does.</summary>
    public static byte[] WithParagraphs(string[] paragraphs, int? pages = null)
    {
        using var file = new MemoryStream();
        using (var document = WordprocessingDocument.Create(file, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(text => new Paragraph(new Run(new Text(text))))));
            if (pages is { } count)
            {
                var properties = document.AddExtendedFilePropertiesPart();
                properties.Properties = new ExtendedProperties.Properties(new ExtendedProperties.Pages(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        return file.ToArray();
    }

    /// <summary>
    /// A zip whose word/document.xml inflates to <paramref name="uncompressedBytes"/> of zeros. Written in 1 MB
    /// chunks, so building it never holds the expanded content.
    /// </summary>
    public static byte[] ZipBomb(long uncompressedBytes)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < uncompressedBytes; written += zeros.Length)
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, uncompressedBytes - written));
        }
        return file.ToArray();
    }

    /// <summary>A zip with a word/document.xml and <paramref name="extraEntries"/> further empty entries.</summary>
    public static byte[] WithManyEntries(int extraEntries)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression);
            for (var i = 0; i < extraEntries; i++)
                zip.CreateEntry($"x/{i:x5}", CompressionLevel.NoCompression);
        }
        return file.ToArray();
    }

    /// <summary>A zip holding the given entries (name, UTF-8 content), compressed normally.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return file.ToArray();
    }

    /// <summary>
    /// Rewrites the uncompressed size both zip headers declare for <paramref name="entryName"/>: a bomb that lies
    /// about its size to slip past a central-directory check.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declaredSize)
    {
        var patched = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(entryName);
        // Local file header: signature, then the uncompressed size at +22 and the name at +30.
        // Central directory header: signature, then the uncompressed size at +24 and the name at +46.
        var found = 0;
        for (var i = 0; i + 4 <= patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            var (sizeAt, nameAt) = signature switch
            {
                0x04034B50 => (22, 30),
                0x02014B50 => (24, 46),
                _ => (-1, -1),
            };
            if (sizeAt < 0 || i + nameAt + name.Length > patched.Length || !patched.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
                continue;
            BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + sizeAt), declaredSize);
            found++;
        }
        if (found != 2)
            throw new InvalidOperationException($"Expected a local and a central header for {entryName}, found {found}.");
        return patched;
    }
}
