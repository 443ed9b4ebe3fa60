namespace SyncHire.Grains.Cv;

/// <summary>Limits for CV uploads (configuration section "Cv"). Every one bounds what a hostile file can cost.</summary>
public sealed class CvOptions
{
    public const string SectionName = "Cv";

    /// <summary>Largest accepted upload; a real CV is rarely over 1 MB.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// An upload over <see cref="MaxBytes"/> is still read to its end and thrown away, up to this size in all, so that
    /// a client sending the whole body before it reads the answer (browsers, Node's fetch) gets the 413 rather than a
    /// connection reset. A larger one is answered at once and its connection closed. 32 MB is beyond what mail
    /// services carry (about 25 MB), so it covers the files people pick by mistake (scans, portfolios) while bounding
    /// what a client can make the server read for nothing; the bytes are discarded as they arrive, never stored.
    /// </summary>
    public long MaxDiscardedUploadBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Longest accepted PDF; CVs have a few pages, a 5,000-page file is an attack or a mistake.</summary>
    public int MaxPages { get; set; } = 50;

    /// <summary>Wall-clock budget for reading and extracting one file, child processes included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extraction stops after this many characters: only the start of a CV reaches the prompt.</summary>
    public int MaxExtractedChars { get; set; } = 100_000;

    /// <summary>The prompt gets at most this many characters, cut at a word boundary.</summary>
    public int PromptMaxChars { get; set; } = 2_000;

    public PdfLimits Pdf { get; set; } = new();

    public DocxLimits Docx { get; set; } = new();

    public sealed class PdfLimits
    {
        /// <summary>Address-space limit of each poppler process (prlimit --as): a hostile PDF fails, the server lives.</summary>
        public long MemoryLimitBytes { get; set; } = 256 * 1024 * 1024;

        /// <summary>Folder holding pdfinfo and pdftotext; unset means the PATH (where Debian's poppler-utils puts them).</summary>
        public string? ToolsDirectory { get; set; }
    }

    public sealed class DocxLimits
    {
        /// <summary>A Word document has a few dozen zip entries; thousands means a zip built to exhaust the reader.</summary>
        public int MaxEntries { get; set; } = 1_000;

        /// <summary>Sum of the entries' uncompressed sizes as the zip's central directory declares them.</summary>
        public long MaxUncompressedBytes { get; set; } = 20 * 1024 * 1024;

        /// <summary>Uncompressed-to-compressed ratio beyond which an entry is a zip bomb (XML compresses ~10:1).</summary>
        public int MaxCompressionRatio { get; set; } = 100;
    }
}
