using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Cv;

/// <summary>Refuses to start with CV limits that would refuse every CV or let one exhaust the process, naming the setting.</summary>
public sealed class CvOptionsValidator : IValidateOptions<CvOptions>
{
    public ValidateOptionsResult Validate(string? name, CvOptions o)
    {
        List<string> failures = [];
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add(message);
            }
        }

        Require(o.MaxBytes > 0, "Cv:MaxBytes must be positive.");
        Require(o.MaxPages > 0, "Cv:MaxPages must be positive.");
        Require(o.MaxDiscardedUploadBytes >= o.MaxBytes, "Cv:MaxDiscardedUploadBytes must be at least Cv:MaxBytes.");
        Require(o.Timeout > TimeSpan.Zero, "Cv:Timeout must be positive.");
        Require(o.PromptMaxChars > 0, "Cv:PromptMaxChars must be positive.");
        Require(o.MaxExtractedChars >= o.PromptMaxChars, "Cv:MaxExtractedChars must be at least Cv:PromptMaxChars.");
        Require(o.Pdf.MemoryLimitBytes >= 16 * 1024 * 1024, "Cv:Pdf:MemoryLimitBytes must be at least 16 MB.");
        Require(o.Docx.MaxEntries > 0, "Cv:Docx:MaxEntries must be positive.");
        Require(o.Docx.MaxUncompressedBytes > 0, "Cv:Docx:MaxUncompressedBytes must be positive.");
        Require(o.Docx.MaxCompressionRatio > 0, "Cv:Docx:MaxCompressionRatio must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
