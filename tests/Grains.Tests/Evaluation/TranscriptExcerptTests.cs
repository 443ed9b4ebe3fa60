using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Interfaces;
using Xunit;

namespace SyncHire.Grains.Tests.Evaluation;

public sealed class TranscriptExcerptTests
{
    [Fact]
    public void A_transcript_within_budget_is_given_whole_one_line_a_turn()
    {
        TranscriptTurn[] turns =
        [
            new(1, Speakers.Interviewer, "Hello Ada.", 0, 1000, null),
            new(2, Speakers.Interviewer, "What is an index?", 65_000, 67_000, 0),
            new(3, Speakers.Candidate, "A structure that\nspeeds up lookups.", 68_000, 71_000, 0),
        ];

        var text = TranscriptExcerpt.Format(turns, 10_000);

        Assert.Equal(
            "[00:00] Interviewer: Hello Ada.\n[01:05] Interviewer (Q1): What is an index?\n[01:08] Candidate (Q1): A structure that speeds up lookups.",
            text);
    }

    [Fact]
    public void A_long_transcript_is_shortened_evenly_so_every_answer_keeps_its_start()
    {
        var turns = Enumerable.Range(0, 20)
            .SelectMany(i => new TranscriptTurn[]
            {
                new(2 * i + 1, Speakers.Interviewer, $"Question {i}: " + new string('q', 600), i * 60_000, i * 60_000 + 5_000, i),
                new(2 * i + 2, Speakers.Candidate, $"Answer {i}: " + new string('a', 3000), i * 60_000 + 6_000, i * 60_000 + 50_000, i),
            })
            .ToList();

        var text = TranscriptExcerpt.Format(turns, 24_000);

        Assert.InRange(text.Length, 1, 24_000);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains($"Candidate (Q{i + 1}): Answer {i}: aaa", text));
        Assert.Contains(TranscriptExcerpt.Cut, text);
        Assert.DoesNotContain("left out for length", text);
    }

    [Fact]
    public void A_transcript_too_long_even_when_cut_keeps_its_beginning_and_end()
    {
        var turns = Enumerable.Range(0, 2000)
            .Select(i => new TranscriptTurn(i + 1, i % 2 == 0 ? Speakers.Interviewer : Speakers.Candidate, $"Turn {i} " + new string('w', 500), i * 1000, i * 1000 + 900, null))
            .ToList();

        var text = TranscriptExcerpt.Format(turns, 24_000);

        Assert.InRange(text.Length, 1, 24_000);
        Assert.Contains("Interviewer: Turn 0 ", text);
        Assert.Contains("Candidate: Turn 1999 ", text);
        Assert.Matches(@"\[… \d+ turns from the middle of the interview are left out for length …\]", text);
    }

    [Fact]
    public void An_empty_transcript_says_so() =>
        Assert.Equal("(The transcript is empty: nothing was said.)", TranscriptExcerpt.Format([], 1000));
}
