namespace SyncHire.Grains.Prompts;

/// <summary>What each interview level probes, as the product documents set it out.</summary>
public static class LevelGuidance
{
    public static string NameOf(InterviewLevel level) => level switch
    {
        InterviewLevel.Beginner => "beginner",
        InterviewLevel.Intermediate => "intermediate",
        InterviewLevel.Advanced => "advanced",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown interview level."),
    };

    public static string For(InterviewLevel level) => level switch
    {
        InterviewLevel.Beginner =>
            "This is a beginner level interview. Focus on fundamentals, definitions and basic concepts, with simple scenarios. " +
            "Be patient and encouraging, and rephrase a question in plainer words if the candidate is unsure.",
        InterviewLevel.Intermediate =>
            "This is an intermediate level interview. Focus on practical experience, design decisions and trade-offs. " +
            "Ask for concrete examples from real work: what they chose, why, and what they would do differently.",
        InterviewLevel.Advanced =>
            "This is an advanced level interview. Go deep: architecture, edge cases, failure modes, scaling and optimisation. " +
            "Expect precise reasoning, and probe the limits of each design the candidate proposes.",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown interview level."),
    };
}
