namespace SyncHire.Gateway.Interviews;

/// <summary>The "language" of a new interview: a BCP 47 tag such as "en", "de" or "pt-BR".</summary>
internal static class InterviewLanguageRule
{
    private const int MaxLength = 35;

    /// <summary>The tag as given (trimmed), null when absent; adds an error for anything that is not a tag.</summary>
    public static string? Check(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var tag = value.Trim();
        if (!IsTag(tag))
        {
            errors["language"] = ["language must be a BCP 47 language tag such as en, de or pt-BR."];
        }

        return tag;
    }

    /// <summary>A 2–3 letter primary language, then subtags of 1–8 letters or digits.</summary>
    private static bool IsTag(string tag)
    {
        if (tag.Length > MaxLength)
        {
            return false;
        }

        var parts = tag.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        return parts.Skip(1).All(part => part.Length is >= 1 and <= 8 && part.All(char.IsAsciiLetterOrDigit));
    }
}
