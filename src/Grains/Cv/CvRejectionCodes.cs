namespace SyncHire.Grains.Cv;

/// <summary>
/// The stable error codes a rejected CV carries. API clients branch on these strings, so they never change;
/// <see cref="HttpStatusFor"/> says which HTTP status each one deserves.
/// </summary>
public static class CvRejectionCodes
{
    public const string TooLarge = "cv_too_large";
    public const string UnsupportedType = "cv_unsupported_type";
    public const string Corrupted = "cv_corrupted";
    public const string Encrypted = "cv_encrypted";
    public const string TooManyPages = "cv_too_many_pages";
    public const string NoText = "cv_no_text";
    public const string Timeout = "cv_timeout";

    /// <summary>The file may be fine, but this server cannot read PDFs (poppler-utils is not installed).</summary>
    public const string PdfUnavailable = "cv_pdf_unavailable";

    /// <summary>
    /// 413 and 415 are what HTTP has for size and type; everything else about the file's content is 422 (the
    /// request was well formed, the document was not usable); a missing PDF reader is the server's fault: 503.
    /// </summary>
    public static int HttpStatusFor(string code) => code switch
    {
        TooLarge => 413,
        UnsupportedType => 415,
        PdfUnavailable => 503,
        _ => 422,
    };
}
