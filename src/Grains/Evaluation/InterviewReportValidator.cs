using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// Turns a model's answer into an <see cref="InterviewReport"/> only if every rule holds, so nothing malformed is
/// ever stored. Beyond the schema (fields present, no others, types, score ranges, the four recommendations) it
/// rejects answers that contradict themselves:
/// <list type="bullet">
/// <item>the overall score must lie in the recommendation's band: Strong Hire 70-100, Hire 50-100, Maybe 25-85,
/// No Hire 0-60. The bands overlap on purpose (a 55 can be a cautious Hire or a generous No Hire), but a 95 with
/// "No Hire" or a 20 with "Strong Hire" is a broken answer, not a judgement;</item>
/// <item>the overall score must be within 35 points of the two 1-10 scores' average on the 0-100 scale (the
/// product documents derive it as that average × 10), so it cannot silently disagree with its own parts.</item>
/// </list>
/// Text is bounded (one impression of at most 2,000 characters, 1-8 strengths and improvements, 0-8 concerns of at
/// most 500 characters each) so a runaway answer is rejected rather than stored.
/// </summary>
public static class InterviewReportValidator
{
    public const int MaxImpressionLength = 2000;
    public const int MaxItemLength = 500;
    public const int MaxJustificationLength = 1000;
    public const int MaxItems = 8;
    public const int MaxScoreDrift = 35;

    private static readonly string[] Properties =
        ["overallImpression", "strengths", "concerns", "technicalDepth", "communication", "recommendation", "overallScore", "improvements"];

    /// <summary>The inclusive 0-100 band each recommendation's overall score must fall in.</summary>
    public static (int Min, int Max) BandOf(string recommendation) => recommendation switch
    {
        Recommendations.StrongHire => (70, 100),
        Recommendations.Hire => (50, 100),
        Recommendations.Maybe => (25, 85),
        Recommendations.NoHire => (0, 60),
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, "Not a recommendation."),
    };

    public static bool TryParse(
        string? content, string generatedBy, DateTimeOffset generatedAt,
        [NotNullWhen(true)] out InterviewReport? report, out string problem)
    {
        report = null;
        if (string.IsNullOrWhiteSpace(content))
        {
            problem = "the answer was empty";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            report = Read(document.RootElement, generatedBy, generatedAt);
            problem = CheckConsistency(report) ?? "";
            if (problem.Length > 0)
            {
                report = null;
                return false;
            }

            return true;
        }
        catch (JsonException exception)
        {
            problem = $"the answer is not valid JSON ({exception.Message})";
            return false;
        }
        catch (InvalidReportException exception)
        {
            problem = exception.Message;
            return false;
        }
    }

    /// <summary>Null when the report's parts agree; otherwise what contradicts what.</summary>
    public static string? CheckConsistency(InterviewReport report)
    {
        var (min, max) = BandOf(report.Recommendation);
        if (report.OverallScore < min || report.OverallScore > max)
        {
            return $"overallScore {report.OverallScore} contradicts recommendation \"{report.Recommendation}\" (expected {min}-{max})";
        }

        var fromParts = (report.TechnicalDepth.Score + report.Communication.Score) * 5;
        return Math.Abs(report.OverallScore - fromParts) > MaxScoreDrift
            ? $"overallScore {report.OverallScore} is far from the technicalDepth and communication scores (about {fromParts})"
            : null;
    }

    private static InterviewReport Read(JsonElement root, string generatedBy, DateTimeOffset generatedAt)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidReportException($"the answer is a JSON {root.ValueKind}, not an object");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Properties.Contains(property.Name))
            {
                throw new InvalidReportException($"unexpected property \"{property.Name}\"");
            }
        }

        var recommendation = Text(root, "recommendation", 20);
        var canonical = Recommendations.All.FirstOrDefault(r => string.Equals(r, recommendation, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidReportException($"recommendation \"{recommendation}\" is not one of {string.Join(", ", Recommendations.All)}");

        return new InterviewReport(
            Text(root, "overallImpression", MaxImpressionLength),
            List(root, "strengths", minItems: 1),
            List(root, "concerns", minItems: 0),
            Assessment(root, "technicalDepth"),
            Assessment(root, "communication"),
            canonical,
            Integer(root, "overallScore", 0, 100),
            List(root, "improvements", minItems: 1),
            generatedBy,
            generatedAt);
    }

    private static ScoredAssessment Assessment(JsonElement root, string name)
    {
        var element = Property(root, name, JsonValueKind.Object);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("score" or "justification"))
            {
                throw new InvalidReportException($"unexpected property \"{name}.{property.Name}\"");
            }
        }

        return new ScoredAssessment(Integer(element, "score", 1, 10, name + "."), Text(element, "justification", MaxJustificationLength, name + "."));
    }

    private static IReadOnlyList<string> List(JsonElement root, string name, int minItems)
    {
        var array = Property(root, name, JsonValueKind.Array);
        var count = array.GetArrayLength();
        if (count < minItems || count > MaxItems)
        {
            throw new InvalidReportException($"{name} has {count} items; expected {minItems}-{MaxItems}");
        }

        var items = new List<string>(count);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new InvalidReportException($"{name}[{items.Count}] is not a non-empty string");
            }

            var text = item.GetString()!.Trim();
            if (text.Length > MaxItemLength)
            {
                throw new InvalidReportException($"{name}[{items.Count}] is longer than {MaxItemLength} characters");
            }

            items.Add(text);
        }

        return items;
    }

    private static string Text(JsonElement parent, string name, int maxLength, string path = "")
    {
        var element = Property(parent, name, JsonValueKind.String, path);
        var text = element.GetString()!.Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            throw new InvalidReportException($"{path}{name} must be 1-{maxLength} characters; it has {text.Length}");
        }

        return text;
    }

    private static int Integer(JsonElement parent, string name, int min, int max, string path = "")
    {
        var element = Property(parent, name, JsonValueKind.Number, path);
        if (!element.TryGetInt32(out var value))
        {
            throw new InvalidReportException($"{path}{name} must be a whole number; got {element.GetRawText()}");
        }

        return value >= min && value <= max
            ? value
            : throw new InvalidReportException($"{path}{name} {value} is outside {min}-{max}");
    }

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind, string path = "")
    {
        if (!parent.TryGetProperty(name, out var element))
        {
            throw new InvalidReportException($"{path}{name} is missing");
        }

        return element.ValueKind == kind
            ? element
            : throw new InvalidReportException($"{path}{name} must be a JSON {kind}, not {element.ValueKind}");
    }

    private sealed class InvalidReportException(string message) : Exception(message);
}
