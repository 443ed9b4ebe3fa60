namespace SyncHire.Grains.Cv.Pdf;

/// <param name="ExitCode">The child's exit code (128 + signal when a signal ended it).</param>
/// <param name="Output">Standard output, at most the requested number of characters.</param>
/// <param name="OutputCapped">True when the child was stopped because its output reached the cap.</param>
/// <param name="Errors">The beginning of standard error, for diagnosis.</param>
internal sealed record LimitedProcessResult(int ExitCode, string Output, bool OutputCapped, string Errors);
