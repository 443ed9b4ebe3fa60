namespace SyncHire.Gateway.Cv;

/// <summary>
/// The CV an interview carries, as POST /api/interviews/{id}/cv and the multipart create report it.
/// </summary>
/// <param name="Characters">Characters of CV text the interviewer's prompt carries (at most Cv:PromptMaxChars).</param>
/// <param name="Truncated">The document was longer: the prompt has its beginning, cut at a word boundary.</param>
/// <param name="Format">pdf or docx, as the file's bytes showed.</param>
public sealed record CvAttachedResponse(string InterviewId, string FileName, int Characters, bool Truncated, string Format, int? PageCount);
