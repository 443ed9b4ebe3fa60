using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Grains.Cv.Pdf;

namespace SyncHire.Grains.Cv;

/// <summary>
/// Says at startup, once, that PDF CVs will be refused on this host and why: otherwise the first sign of a
/// missing poppler-utils is a candidate's failed upload.
/// </summary>
internal sealed class CvPdfAvailabilityCheck(PopplerTools tools, ILogger<CvPdfAvailabilityCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!tools.IsAvailable)
            logger.LogWarning("PDF CVs will be refused with {Code}: {Reason}", CvRejectionCodes.PdfUnavailable, tools.MissingReason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
