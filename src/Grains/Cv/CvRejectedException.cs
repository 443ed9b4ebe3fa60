namespace SyncHire.Grains.Cv;

/// <summary>
/// The only exception <see cref="ICvTextExtractor"/> throws for a bad file: a stable <see cref="Code"/> from
/// <see cref="CvRejectionCodes"/> and a message written for the person who uploaded it.
/// </summary>
public sealed class CvRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public int HttpStatus => CvRejectionCodes.HttpStatusFor(Code);
}
