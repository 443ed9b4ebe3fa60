using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Cv.Pdf;

// Why poppler's pdftotext in a child process, and not a managed library:
// - PdfPig, the usual managed extractor, does not restore from this package mirror. PDFsharp (6.5.0) does, but it
//   is a PDF writer/editor: it has no text extraction. We would have to interpret content streams, font encodings
//   and ToUnicode CMaps ourselves, which is exactly the hard part of reading real CVs.
// - Bounds. Managed parsing runs inside the server: a hostile file's runaway allocation or endless loop would hit
//   the whole process (and a thread cannot be aborted in .NET). A child process is bounded for real: prlimit caps
//   its address space and CPU time, our timeout SIGKILLs its process tree, its output is capped as we read it, and
//   a crash in it is just a non-zero exit code.
// - Attack surface. poppler is C++ and has had memory-safety bugs; here it runs with no environment, no shell,
//   no file writes (RLIMIT_FSIZE 0), on a private 0700 temp copy, and only as long as the timeout allows. Fixes
//   arrive through Debian security updates (poppler-utils), which are maintained far more actively than any
//   managed PDF text extractor we could pin.
// - Cost: poppler-utils must be installed. Without it PDFs are refused with cv_pdf_unavailable (503) and the
//   host logs a warning at startup; DOCX keeps working.

/// <summary>
/// Reads a PDF's text with pdfinfo (pages, encryption) and then pdftotext, each under <see cref="LimitedProcess"/>.
/// The file goes to a temp folder only this process's user can open and is deleted afterwards.
/// </summary>
internal sealed class PopplerPdfTextReader(PopplerTools tools, ILogger<PopplerPdfTextReader> logger)
{
    private const string FileName = "cv.pdf";

    public async Task<ExtractedDocument> ReadAsync(byte[] pdf, CvOptions options, CancellationToken cancellationToken)
    {
        if (!tools.IsAvailable)
            throw Unavailable(tools.MissingReason!);

        var folder = Directory.CreateTempSubdirectory("synchire-cv-");
        try
        {
            var path = Path.Combine(folder.FullName, FileName);
            await WritePrivateFileAsync(path, pdf, cancellationToken);

            var info = await RunAsync(tools.PdfInfoPath!, [path], folder.FullName, options, 64 * 1024, cancellationToken);
            var report = CheckInfo(info);
            if (report.Pages > options.MaxPages)
                throw new CvRejectedException(CvRejectionCodes.TooManyPages,
                    $"The PDF has {report.Pages} pages; a CV may have at most {options.MaxPages}.");

            // Raw output carries layout whitespace that normalisation removes; four times the cap leaves room.
            var maxRawChars = (int)Math.Min(int.MaxValue, options.MaxExtractedChars * 4L);
            var text = await RunAsync(tools.PdfToTextPath!,
                ["-enc", "UTF-8", "-eol", "unix", "-f", "1", "-l", options.MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture), path, "-"],
                folder.FullName, options, maxRawChars, cancellationToken);
            if (text.ExitCode != 0 && !text.OutputCapped)
                throw Unreadable(text);
            return new ExtractedDocument(text.Output, report.Pages);
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private PdfInfoReport CheckInfo(LimitedProcessResult info)
    {
        if (info.ExitCode != 0)
        {
            // poppler says this when the document needs a user password (an empty one was tried).
            if (info.Errors.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase))
                throw new CvRejectedException(CvRejectionCodes.Encrypted,
                    "The PDF is password-protected. Remove the password and upload it again.");
            throw Unreadable(info);
        }

        // "Encrypted: yes" with a zero exit is a PDF that opens without a password and only restricts copying or
        // printing, as many CV builders emit; its text is the candidate's own, so it is read like any other.
        var report = PdfInfoReport.Parse(info.Output);
        if (report.Pages is null or 0)
            throw new CvRejectedException(CvRejectionCodes.Corrupted, "The PDF is damaged: it has no readable pages.");
        return report;
    }

    private async Task<LimitedProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string folder,
        CvOptions options, int maxOutputChars, CancellationToken cancellationToken)
    {
        try
        {
            return await LimitedProcess.RunAsync(tools, program, arguments, folder, options.Pdf.MemoryLimitBytes,
                options.Timeout, maxOutputChars, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            // Found at startup, gone now (package removed while running).
            throw Unavailable($"{Path.GetFileName(program)} could not be started: {ex.Message}");
        }
    }

    private CvRejectedException Unreadable(LimitedProcessResult result)
    {
        logger.LogInformation("PDF reader exited with {ExitCode}: {Errors}", result.ExitCode, result.Errors);
        // 128 + signal: the reader crashed or hit its memory or CPU limit on this file.
        var detail = result.ExitCode > 128 ? "reading it exceeded the reader's limits" : "it could not be parsed";
        return new CvRejectedException(CvRejectionCodes.Corrupted, $"The PDF is damaged or malformed: {detail}.");
    }

    private static CvRejectedException Unavailable(string reason) =>
        new(CvRejectionCodes.PdfUnavailable, $"PDF CVs cannot be read on this server right now ({reason}). Upload a DOCX instead.");

    private static async Task WritePrivateFileAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(path, options);
        await file.WriteAsync(content, cancellationToken);
    }

    private void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete the CV temp folder {Folder}", folder.FullName);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogWarning(ex, "Could not delete the CV temp folder {Folder}", folder.FullName);
        }
    }
}
