using System.Text;

namespace SyncHire.Grains.Cv;

/// <summary>
/// Shapes extracted text for a prompt: one space between words, no blank-line runs, no control characters, and
/// a cut at a word boundary so the model never sees half a word.
/// </summary>
internal static class CvTextNormalizer
{
    /// <summary>
    /// Collapses horizontal whitespace, keeps single line breaks and at most one blank line between paragraphs
    /// (a CV's layout is its structure), drops control characters, and stops after <paramref name="maxChars"/>.
    /// </summary>
    public static string Normalize(string raw, int maxChars)
    {
        var text = new StringBuilder(Math.Min(raw.Length, maxChars));
        var pendingSpace = false;
        var pendingLineBreaks = 0;
        foreach (var c in raw)
        {
            if (c is '\n' or '\f' or '\u2028' or '\u2029')
            {
                pendingSpace = false;
                pendingLineBreaks++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (char.IsControl(c) || c == '\uFFFD')
                continue;

            if (text.Length > 0)
            {
                if (pendingLineBreaks > 0)
                    text.Append(pendingLineBreaks > 1 ? "\n\n" : "\n");
                else if (pendingSpace)
                    text.Append(' ');
            }
            pendingSpace = false;
            pendingLineBreaks = 0;
            text.Append(c);
            if (text.Length >= maxChars)
                break;
        }

        if (text.Length > maxChars)
            text.Length = maxChars;
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> of at most <paramref name="maxChars"/> characters that ends at
    /// a word boundary. A single "word" longer than half the limit is cut inside it rather than dropped.
    /// </summary>
    public static string CutAtWordBoundary(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return text;
        if (char.IsWhiteSpace(text[maxChars]))
            return text[..maxChars].TrimEnd();

        var lastSpace = text.LastIndexOfAny([' ', '\n'], maxChars - 1);
        if (lastSpace >= maxChars / 2)
            return text[..lastSpace].TrimEnd();

        var cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..cut];
    }
}
