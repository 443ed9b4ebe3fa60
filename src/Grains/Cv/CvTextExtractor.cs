using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Cv.Docx;
using SyncHire.Grains.Cv.Pdf;

namespace SyncHire.Grains.Cv;

/// <summary>
/// Reads an upload within the size limit, recognises it by its bytes, hands it to the PDF or DOCX reader and
/// shapes the text for the prompt, all inside one timeout. Every way a file can be bad ends as a
/// <see cref="CvRejectedException"/>; nothing a file contains can make this hang or take the process down.
/// </summary>
internal sealed class CvTextExtractor(
    IOptions<CvOptions> options, PopplerPdfTextReader pdfReader, ILogger<CvTextExtractor> logger) : ICvTextExtractor
{
    public async Task<CvText> ExtractAsync(Stream content, string? fileName, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        try
        {
            var bytes = await BoundedUpload.ReadAsync(content, limits.MaxBytes, deadline.Token);
            var format = CvFormatSniffer.Detect(bytes, fileName, contentType);
            var document = format == CvFormat.Pdf
                ? await pdfReader.ReadAsync(bytes, limits, deadline.Token)
                : await Task.Run(() => DocxTextReader.Read(bytes, limits, deadline.Token), deadline.Token);

            var full = CvTextNormalizer.Normalize(document.RawText, limits.MaxExtractedChars);
            if (full.Length == 0)
                throw NoText(format);

            var text = CvTextNormalizer.CutAtWordBoundary(full, limits.PromptMaxChars);
            logger.LogDebug("CV read: {Format}, {Pages} pages, {Length} characters", format, document.PageCount, full.Length);
            return new CvText(text, full.Length, document.PageCount, format);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("CV rejected: {Code}", CvRejectionCodes.Timeout);
            throw new CvRejectedException(CvRejectionCodes.Timeout,
                $"Reading the CV took longer than {limits.Timeout.TotalSeconds:0.#} seconds; the file is too complex.");
        }
        catch (CvRejectedException rejected)
        {
            logger.LogInformation("CV rejected: {Code}: {Reason}", rejected.Code, rejected.Message);
            throw;
        }
    }

    private static CvRejectedException NoText(CvFormat format) => format == CvFormat.Pdf
        ? new(CvRejectionCodes.NoText,
            "The PDF contains no selectable text: it looks like a scanned image. Upload a PDF exported from a word " +
            "processor, or a DOCX.")
        : new(CvRejectionCodes.NoText, "The Word document contains no text.");
}
