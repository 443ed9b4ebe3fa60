using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Questions;

/// <summary>
/// Builds the questions of an interview created without its own list: five per interview, from the topic and the
/// level. Deterministic (same input, same questions) so a recreated or resumed interview asks the same things.
/// The level changes what is probed: fundamentals for beginners, practical experience and trade-offs at the
/// intermediate level, architecture, edge cases and optimisation for advanced candidates.
/// </summary>
public static class QuestionBank
{
    public const int QuestionCount = 5;

    private const string FallbackTopic = "software engineering";

    public static IReadOnlyList<string> Build(string? topic, InterviewLevel level)
    {
        var subject = string.IsNullOrWhiteSpace(topic) ? FallbackTopic : topic.Trim();
        return level switch
        {
            InterviewLevel.Beginner =>
            [
                $"To start with the fundamentals: how would you explain what {subject} is to someone new to it?",
                $"What are the core concepts of {subject} that you have learned so far?",
                $"Can you walk me through a small project or exercise where you used {subject}?",
                $"What is a common mistake beginners make with {subject}, and how would you avoid it?",
                $"How do you go about learning something new in {subject} when you get stuck?",
            ],
            InterviewLevel.Intermediate =>
            [
                $"Tell me about a project where you used {subject} in practice. What was your role?",
                $"Describe a trade-off you had to make while working with {subject}. What did you choose and why?",
                $"How do you test and debug your work in {subject}?",
                $"Tell me about a problem in {subject} that took you longer than expected. How did you solve it?",
                $"Which tools and practices in {subject} do you rely on, and which would you change?",
            ],
            InterviewLevel.Advanced =>
            [
                $"How would you design the architecture of a large system built around {subject}?",
                $"Which edge cases and failure modes in {subject} worry you most, and how do you guard against them?",
                $"Tell me about a time you optimised something in {subject}. How did you measure the improvement?",
                $"How do you decide between competing designs in {subject} when both have real costs?",
                $"How would you make a system using {subject} scale by ten times, and what would break first?",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown interview level."),
        };
    }
}
