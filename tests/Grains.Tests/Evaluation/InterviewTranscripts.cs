using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;

namespace SyncHire.Grains.Tests.Evaluation;

/// <summary>Crafted interviews: each question asked, answered with a chosen number of words, maybe followed up.</summary>
internal static class InterviewTranscripts
{
    public static readonly IReadOnlyList<string> Questions =
    [
        "Tell me about a project where you used Python in practice.",
        "Describe a trade-off you made while designing an API.",
        "How do you test and debug your services?",
        "Tell me about a problem that took longer than expected.",
        "Which tools and practices do you rely on?",
    ];

    public static InterviewDefinition Definition { get; } = new()
    {
        CandidateName = "Ada Lovelace",
        JobTitle = "Backend Developer",
        SkillTopic = "Python web APIs",
        Level = InterviewLevel.Intermediate,
        Questions = Questions,
    };

    /// <param name="answerWords">Words of the candidate's answer to each question; 0 leaves it unanswered.</param>
    /// <param name="followUps">Zero-based questions the interviewer followed up on (the candidate answers again, briefly).</param>
    public static EvaluationInput Crafted(IReadOnlyList<int> answerWords, IReadOnlyList<int>? followUps = null, string endReason = EndReasons.Completed)
    {
        var turns = new List<TranscriptTurn>();
        var followUpRecords = new List<FollowUp>();
        long clock = 0;
        void Say(string speaker, string text, int? question)
        {
            var length = 400L * Math.Max(1, text.Split(' ').Length);
            turns.Add(new TranscriptTurn(turns.Count + 1, speaker, text, clock, clock + length, question));
            clock += length + 500;
        }

        Say(Speakers.Interviewer, "Hello Ada, welcome. I am the AI interviewer and this takes about twenty minutes.", null);
        for (var i = 0; i < answerWords.Count; i++)
        {
            Say(Speakers.Interviewer, Questions[i], i);
            if (answerWords[i] > 0)
            {
                Say(Speakers.Candidate, Words(answerWords[i], i), i);
            }

            if (followUps?.Contains(i) == true)
            {
                Say(Speakers.Interviewer, "Can you give me a concrete example of that?", i);
                followUpRecords.Add(new FollowUp(i, turns.Count));
                Say(Speakers.Candidate, "I am not sure.", i);
            }
        }

        Say(Speakers.Interviewer, "Do you have any questions for me?", null);
        return new EvaluationInput(Definition, Questions, turns, [], [])
        {
            FollowUps = followUpRecords,
            EndReason = endReason,
        };
    }

    public static string Words(int count, int seed) =>
        string.Join(' ', Enumerable.Range(0, count).Select(w => Vocabulary[(w + seed) % Vocabulary.Length]));

    private static readonly string[] Vocabulary =
        ["we", "built", "an", "API", "with", "Django", "and", "PostgreSQL", "caching", "reduced", "latency", "by", "half"];
}
