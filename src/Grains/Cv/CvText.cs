namespace SyncHire.Grains.Cv;

/// <summary>
/// A CV's text, ready for the interviewer's prompt.
/// </summary>
/// <param name="Text">Whitespace-normalised text, cut at a word boundary to at most the prompt's limit.</param>
/// <param name="FullLength">
/// Length of the whole normalised text; extraction stops at <see cref="CvOptions.MaxExtractedChars"/>, so a
/// longer document reports that cap.
/// </param>
/// <param name="PageCount">Pages in the document where the format records it (always for PDF).</param>
/// <param name="Format">What the file turned out to be.</param>
public sealed record CvText(string Text, int FullLength, int? PageCount, CvFormat Format)
{
    /// <summary>True when <see cref="Text"/> holds only the beginning of the document.</summary>
    public bool IsTruncated => Text.Length < FullLength;
}
