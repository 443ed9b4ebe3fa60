namespace SyncHire.Grains.Cv;

/// <summary>Turns an uploaded CV into prompt text, or rejects it with a <see cref="CvRejectedException"/>.</summary>
public interface ICvTextExtractor
{
    /// <summary>
    /// Reads at most <see cref="CvOptions.MaxBytes"/> from <paramref name="content"/> and extracts its text within
    /// <see cref="CvOptions.Timeout"/>. The format is decided by the file's bytes; <paramref name="fileName"/> and
    /// <paramref name="contentType"/> only make messages clearer. Throws <see cref="CvRejectedException"/> for any
    /// unusable file, and <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/>
    /// is cancelled.
    /// </summary>
    Task<CvText> ExtractAsync(Stream content, string? fileName, string? contentType, CancellationToken cancellationToken);
}
