using SyncHire.Grains.Evaluation;

namespace SyncHire.Grains.TextMode;

/// <summary>
/// Scores a typed answer without a model, deterministically: relevance (how many of the question's key terms the
/// answer takes up), depth (length, up to <see cref="FullDepthWords"/> words) and reasoning (explanations, examples,
/// trade-offs, figures). Like the offline evaluator it cannot tell right from wrong, so the weights favour answers
/// that engage with the question and explain themselves; the feedback says what would raise the score.
/// </summary>
public static class TextAnswerScorer
{
    /// <summary>The answer length that earns full marks for depth; a thorough typed answer is a short paragraph or two.</summary>
    public const int FullDepthWords = 80;

    /// <summary>Below this many words an answer is a fragment ("yes", "I don't know").</summary>
    public const int MinimalAnswerWords = OfflineEvaluationFacts.MinAnswerWords;

    private const double RelevanceWeight = 0.4;
    private const double DepthWeight = 0.4;
    private const double ReasoningWeight = 0.2;

    /// <summary>Signs that an answer explains, compares or backs itself up rather than only asserting.</summary>
    private static readonly string[] ReasoningMarkers =
    [
        "because", "so that", "therefore", "trade-off", "tradeoff", "however", "instead", "for example", "for instance",
        "such as", "which means", "as a result", "measured", "compared", "depends", "in production", "we used", "i used",
    ];

    /// <summary>Words that say nothing about a question's subject.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "been", "before", "being", "between", "both", "call", "could", "describe",
        "does", "doing", "each", "explain", "from", "give", "have", "having", "into", "just", "know", "like", "make",
        "more", "most", "much", "other", "over", "some", "such", "tell", "than", "that", "their", "them", "then", "there",
        "these", "they", "thing", "this", "those", "through", "time", "under", "very", "want", "were", "what", "when",
        "where", "which", "while", "will", "with", "would", "your", "you've", "yours", "example",
    };

    public static TextAnswerScore Score(string question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);

        var questionTerms = KeyTerms(question);
        var answerStems = Words(answer).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var used = questionTerms.Where(term => answerStems.Contains(Stem(term))).ToList();
        var relevance = questionTerms.Count == 0 ? 1.0 : Math.Min(1.0, used.Count / Math.Min(3.0, questionTerms.Count));

        var words = OfflineEvaluationFacts.CountWords(answer);
        var depth = Math.Min(1.0, (double)words / FullDepthWords);

        var lower = answer.ToLowerInvariant();
        var markers = ReasoningMarkers.Count(marker => lower.Contains(marker, StringComparison.Ordinal))
            + (answer.Any(char.IsAsciiDigit) ? 1 : 0);
        var reasoning = Math.Min(1.0, markers / 2.0);

        var weighted = RelevanceWeight * relevance + DepthWeight * depth + ReasoningWeight * reasoning;
        var score = words < MinimalAnswerWords ? 1 : Math.Clamp(1 + (int)Math.Round(9 * weighted, MidpointRounding.AwayFromZero), 1, 10);

        return new TextAnswerScore(score, Feedback(words, relevance, used, questionTerms, depth, reasoning), used);
    }

    private static List<string> Feedback(int words, double relevance, List<string> used, List<string> terms, double depth, double reasoning)
    {
        if (words < MinimalAnswerWords)
        {
            return
            [
                "The answer is too short to assess; answer in a few full sentences.",
                "Explain your reasoning and give a concrete example from your experience.",
            ];
        }

        var feedback = new List<string>
        {
            relevance >= 1.0 ? $"Relevant: the answer addresses the question directly ({string.Join(", ", used.Take(3))})."
            : used.Count > 0 ? $"Partly relevant: it touches on {string.Join(", ", used.Take(3))}; address the rest of the question too."
            : $"Stay closer to the question: it asks about {string.Join(", ", terms.Take(3))}.",
            depth >= 1.0 ? "Good depth: the answer is thorough."
            : depth >= 0.5 ? "Reasonable depth; one more concrete detail would strengthen it."
            : "Go deeper: add the details of how it worked and why.",
        };
        feedback.Add(reasoning >= 1.0
            ? "Clear reasoning, backed by examples or figures."
            : "Support the answer with a concrete example, a trade-off or a measured result.");
        return feedback;
    }

    /// <summary>The question's distinct content words (four letters or more, not stop words), in order.</summary>
    private static List<string> KeyTerms(string question) =>
        Words(question).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '-' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].Trim('\'', '-').ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>
    /// A crude, deterministic stem: one inflection off, then at most six letters, so "databases" and "database",
    /// "testing" and "tests", "designed" and "design" match.
    /// </summary>
    private static string Stem(string word)
    {
        foreach (var suffix in (string[])["'s", "ing", "ed", "s"])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }

        return word.Length > 6 ? word[..6] : word;
    }
}
