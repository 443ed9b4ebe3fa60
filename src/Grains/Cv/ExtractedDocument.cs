namespace SyncHire.Grains.Cv;

/// <summary>What a format reader found, before normalisation and the prompt's cut.</summary>
/// <param name="RawText">The text as the reader produced it, at most a bounded multiple of the extraction cap.</param>
/// <param name="PageCount">Pages where the format records them.</param>
internal sealed record ExtractedDocument(string RawText, int? PageCount);
