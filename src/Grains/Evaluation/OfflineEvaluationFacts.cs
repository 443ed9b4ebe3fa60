namespace SyncHire.Grains.Evaluation;

/// <summary>
/// What can be measured in a transcript without understanding it: how many questions got a real answer, how
/// long the answers were, how often the interviewer had to follow up, and who did the talking.
/// </summary>
public sealed record OfflineEvaluationFacts(
    int QuestionCount,
    int AnsweredCount,
    int AverageAnswerWords,
    int FollowUpCount,
    int QuestionsWithFollowUps,
    int CandidateWords,
    int InterviewerWords,
    bool EndedEarly)
{
    /// <summary>An answer shorter than this ("yes", "I don't know") does not count as answering the question.</summary>
    public const int MinAnswerWords = 5;

    public double Coverage => QuestionCount == 0 ? 0 : (double)AnsweredCount / QuestionCount;

    /// <summary>The candidate's share of all words spoken.</summary>
    public double TalkRatio => CandidateWords + InterviewerWords == 0 ? 0 : (double)CandidateWords / (CandidateWords + InterviewerWords);

    public double FollowUpRate => AnsweredCount == 0 ? 0 : (double)QuestionsWithFollowUps / AnsweredCount;

    public int UnansweredCount => QuestionCount - AnsweredCount;

    public static OfflineEvaluationFacts From(EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var questionCount = input.Questions.Count;
        var wordsByQuestion = new int[questionCount];
        int candidateWords = 0, interviewerWords = 0;
        foreach (var turn in input.Transcript)
        {
            var words = CountWords(turn.Text);
            if (turn.Speaker == Speakers.Candidate)
            {
                candidateWords += words;
                if (turn.QuestionIndex is { } index && index >= 0 && index < questionCount)
                {
                    wordsByQuestion[index] += words;
                }
            }
            else
            {
                interviewerWords += words;
            }
        }

        var answered = Enumerable.Range(0, questionCount).Where(i => wordsByQuestion[i] >= MinAnswerWords).ToList();
        var followedUp = input.FollowUps
            .Select(f => f.QuestionIndex)
            .Where(i => i >= 0 && i < questionCount)
            .ToList();
        var endedEarly = answered.Count < questionCount && input.EndReason is not null && input.EndReason != EndReasons.Completed;

        return new OfflineEvaluationFacts(
            questionCount,
            answered.Count,
            answered.Count == 0 ? 0 : (int)Math.Round(answered.Average(i => wordsByQuestion[i]), MidpointRounding.AwayFromZero),
            followedUp.Count,
            followedUp.Distinct().Count(),
            candidateWords,
            interviewerWords,
            endedEarly);
    }

    /// <summary>Runs of letters or digits separated by anything else; punctuation alone is not a word.</summary>
    public static int CountWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var wordChar = char.IsLetterOrDigit(c) || ((c is '\'' or '-') && inWord);
            if (wordChar && !inWord)
            {
                count++;
            }

            inWord = wordChar;
        }

        return count;
    }
}
