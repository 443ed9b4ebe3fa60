namespace SyncHire.Grains.Cv.Pdf;

/// <summary>
/// Where the programs the PDF reader runs live: poppler's pdfinfo and pdftotext, and util-linux's prlimit which
/// puts each of them under resource limits. Looked up once; when one is missing PDFs are refused with
/// <see cref="CvRejectionCodes.PdfUnavailable"/> and the host logs why at startup.
/// </summary>
public sealed class PopplerTools
{
    private PopplerTools(string? pdfInfo, string? pdfToText, string? prlimit, string? missingReason)
    {
        PdfInfoPath = pdfInfo;
        PdfToTextPath = pdfToText;
        PrlimitPath = prlimit;
        MissingReason = missingReason;
    }

    public string? PdfInfoPath { get; }

    public string? PdfToTextPath { get; }

    public string? PrlimitPath { get; }

    /// <summary>Null when PDFs can be read; otherwise what is missing and how to install it.</summary>
    public string? MissingReason { get; }

    public bool IsAvailable => MissingReason is null;

    /// <summary>
    /// Finds the tools in <paramref name="toolsDirectory"/> (poppler's, for a custom build) or on the PATH.
    /// prlimit is always looked for on the PATH: it comes with util-linux, which every Debian system has.
    /// </summary>
    public static PopplerTools Locate(string? toolsDirectory)
    {
        var pdfInfo = Find("pdfinfo", toolsDirectory);
        var pdfToText = Find("pdftotext", toolsDirectory);
        var prlimit = Find("prlimit", null);

        var missing = new List<string>();
        if (pdfInfo is null) missing.Add("pdfinfo");
        if (pdfToText is null) missing.Add("pdftotext");
        var reason = missing.Count > 0
            ? $"{string.Join(" and ", missing)} not found{(toolsDirectory is null ? " on the PATH" : $" in '{toolsDirectory}'")}: " +
              "install poppler-utils (apt-get install poppler-utils) to accept PDF CVs."
            : prlimit is null
                ? "prlimit not found on the PATH: install util-linux, which bounds the PDF reader's memory."
                : null;
        return new PopplerTools(pdfInfo, pdfToText, prlimit, reason);
    }

    private static string? Find(string program, string? directory)
    {
        var folders = directory is not null
            ? [directory]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(IsExecutableFile);
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) &&
        (OperatingSystem.IsWindows() ||
         (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
