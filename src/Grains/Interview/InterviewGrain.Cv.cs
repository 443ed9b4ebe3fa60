using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Prompts;

namespace SyncHire.Grains.Interview;

/// <summary>The candidate's CV: attached before the start, then part of every prompt the interviewer is given.</summary>
public sealed partial class InterviewGrain
{
    /// <summary>Generous above the extractor's prompt limit (2,000 by default) so a raised Cv:PromptMaxChars still fits.</summary>
    public const int MaxCvTextLength = 20_000;

    private const int MaxCvFileNameLength = 255;

    public async Task<InterviewSnapshot> AttachCv(string text, string fileName)
    {
        if (!State.Exists)
        {
            throw new InvalidOperationException($"Interview {Id} has not been created.");
        }

        var cvText = text?.Trim();
        if (string.IsNullOrEmpty(cvText))
        {
            throw new ArgumentException("The CV has no text.", nameof(text));
        }

        if (cvText.Length > MaxCvTextLength)
        {
            throw new ArgumentException($"The CV text is longer than {MaxCvTextLength} characters.", nameof(text));
        }

        // The prompt is fixed when the provider session opens: a CV arriving later would never reach the interviewer.
        if (State.Status != InterviewStatus.Created)
        {
            throw new InvalidOperationException($"Interview {Id} has already started; a CV can only be attached before the start.");
        }

        State = State with { CvText = cvText, CvFileName = DisplayFileName(fileName) };
        await WriteStateAsync();
        InterviewLog.CvAttached(_logger, Id, cvText.Length);
        return ToSnapshot();
    }

    /// <summary>The interviewer's system prompt: role, level, the CV when there is one, the questions and the rubric.</summary>
    private string BuildInstructions() =>
        InterviewPromptBuilder.Build(Definition, State.Questions, State.CvText, Definition.Language);

    /// <summary>Only the last path segment, without control characters: the name is shown back, never opened.</summary>
    private static string DisplayFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length > MaxCvFileNameLength)
        {
            name = name[..MaxCvFileNameLength];
        }

        return name.Length == 0 ? "cv" : name;
    }
}
