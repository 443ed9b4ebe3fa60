using System.Text.RegularExpressions;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// Cuts a reply into sentences for text-to-speech, so the first sentence can play while the rest is synthesised.
/// Very short sentences ("Thank you.") are joined to the next: one request each would cost more latency than it saves.
/// </summary>
internal static partial class SentenceSplitter
{
    private const int MinimumCharacters = 24;

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var pending = "";
        foreach (Match match in Sentence().Matches(text))
        {
            var sentence = match.Value.Trim();
            if (sentence.Length == 0)
            {
                continue;
            }

            pending = pending.Length == 0 ? sentence : pending + " " + sentence;
            if (pending.Length >= MinimumCharacters)
            {
                sentences.Add(pending);
                pending = "";
            }
        }

        if (pending.Length > 0)
        {
            if (sentences.Count > 0 && pending.Length < MinimumCharacters)
            {
                sentences[^1] += " " + pending;
            }
            else
            {
                sentences.Add(pending);
            }
        }

        return sentences;
    }

    // A run of text up to and including its terminal punctuation (and any closing quote), or the trailing rest.
    [GeneratedRegex(@"[^.!?]+(?:[.!?]+[""')\]]*|$)")]
    private static partial Regex Sentence();
}
