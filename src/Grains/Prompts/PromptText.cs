using System.Text;

namespace SyncHire.Grains.Prompts;

/// <summary>
/// Makes outside text safe to place on one line of a prompt: line breaks and control characters become single
/// spaces, so a name, title or question can never start a new line that reads as an instruction or as a numbered
/// question (the emulated model finds questions by their "1. " line prefix).
/// </summary>
internal static class PromptText
{
    public static string OneLine(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var line = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = line.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                line.Append(' ');
                pendingSpace = false;
            }

            line.Append(c);
            if (line.Length >= maxLength)
            {
                break;
            }
        }

        return line.ToString();
    }
}
