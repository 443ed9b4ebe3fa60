namespace SyncHire.Grains.Cv;

/// <summary>The document formats a CV may come in, as recognised from the file's own bytes.</summary>
public enum CvFormat
{
    Pdf,
    Docx,
}
