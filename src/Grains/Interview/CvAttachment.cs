namespace SyncHire.Grains.Interview;

/// <summary>The candidate's CV as an interview keeps it: checked prompt text and a name fit to show back.</summary>
internal static class CvAttachment
{
    /// <summary>Generous above the extractor's prompt limit (2,000 by default) so a raised Cv:PromptMaxChars still fits.</summary>
    public const int MaxTextLength = 20_000;

    private const int MaxFileNameLength = 255;

    /// <summary>The trimmed text; throws <see cref="ArgumentException"/> for an empty or too long one.</summary>
    public static string CheckedText(string? text)
    {
        var cvText = text?.Trim();
        if (string.IsNullOrEmpty(cvText))
        {
            throw new ArgumentException("The CV has no text.", nameof(text));
        }

        if (cvText.Length > MaxTextLength)
        {
            throw new ArgumentException($"The CV text is longer than {MaxTextLength} characters.", nameof(text));
        }

        return cvText;
    }

    /// <summary>Only the last path segment, without control characters: the name is shown back, never opened.</summary>
    public static string DisplayFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length > MaxFileNameLength)
        {
            name = name[..MaxFileNameLength];
        }

        return name.Length == 0 ? "cv" : name;
    }
}
