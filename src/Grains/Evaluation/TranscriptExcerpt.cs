using System.Globalization;
using System.Text;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// The transcript as the evaluation model reads it, one line a turn ("[03:12] Candidate (Q2): ..."), kept within
/// a character budget. Long interviews are shortened in the order that loses least: interviewer turns first
/// (their questions are listed separately), then every turn evenly down to a floor, and only then are turns
/// from the middle left out, because openings and endings carry the introduction and the close.
/// </summary>
public static class TranscriptExcerpt
{
    public const string Cut = " […]";

    private const int InterviewerTurnCap = 300;
    private const int MinimumTurnCap = 200;

    public static string Format(IReadOnlyList<TranscriptTurn> transcript, int budget)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var turns = transcript.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (turns.Count == 0)
        {
            return "(The transcript is empty: nothing was said.)";
        }

        var lines = turns.Select(t => Line(t, int.MaxValue)).ToList();
        if (Length(lines) > budget)
        {
            lines = turns.Select(t => Line(t, t.Speaker == Speakers.Interviewer ? InterviewerTurnCap : int.MaxValue)).ToList();
        }

        var cap = turns.Max(t => t.Text.Length);
        while (Length(lines) > budget && cap > MinimumTurnCap)
        {
            cap = Math.Max(MinimumTurnCap, cap * 3 / 4);
            lines = turns.Select(t => Line(t, t.Speaker == Speakers.Interviewer ? Math.Min(cap, InterviewerTurnCap) : cap)).ToList();
        }

        return Length(lines) <= budget ? string.Join('\n', lines) : WithoutMiddle(lines, budget);
    }

    private static string WithoutMiddle(List<string> lines, int budget)
    {
        var half = budget / 2;
        var head = new List<string>();
        var used = 0;
        foreach (var line in lines)
        {
            if (used + line.Length + 1 > half)
            {
                break;
            }

            head.Add(line);
            used += line.Length + 1;
        }

        var tail = new List<string>();
        used = 0;
        for (var i = lines.Count - 1; i >= head.Count; i--)
        {
            if (used + lines[i].Length + 1 > half - 80)
            {
                break;
            }

            tail.Insert(0, lines[i]);
            used += lines[i].Length + 1;
        }

        var omitted = lines.Count - head.Count - tail.Count;
        return string.Join('\n', head.Append($"[… {omitted} turns from the middle of the interview are left out for length …]").Concat(tail));
    }

    private static string Line(TranscriptTurn turn, int cap)
    {
        var text = turn.Text.Trim().ReplaceLineEndings(" ");
        if (text.Length > cap)
        {
            text = text[..cap] + Cut;
        }

        var at = TimeSpan.FromMilliseconds(Math.Max(0, turn.StartMs));
        var speaker = turn.Speaker == Speakers.Candidate ? "Candidate" : "Interviewer";
        var question = turn.QuestionIndex is { } index and >= 0 ? $" (Q{index + 1})" : "";
        var builder = new StringBuilder();
        builder.Append('[').Append(((int)at.TotalMinutes).ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(at.Seconds.ToString("00", CultureInfo.InvariantCulture)).Append("] ")
            .Append(speaker).Append(question).Append(": ").Append(text);
        return builder.ToString();
    }

    private static int Length(List<string> lines) => lines.Sum(l => l.Length + 1);
}
