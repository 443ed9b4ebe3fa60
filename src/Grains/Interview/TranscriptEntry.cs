namespace SyncHire.Grains.Interview;

/// <summary>
/// One utterance as platforms read it (the transcript endpoint and the completion webhook): offsets in milliseconds
/// since the interview started, and a 1-based question index like every question index on the wire.
/// </summary>
/// <param name="Speaker">"interviewer" or "candidate".</param>
public sealed record TranscriptEntry(int Sequence, string Speaker, string Text, long StartMs, long EndMs, int? QuestionIndex)
{
    public static TranscriptEntry From(TranscriptTurn turn) =>
        new(turn.Sequence, turn.Speaker, turn.Text, turn.StartMs, turn.EndMs, turn.QuestionIndex + 1);

    public static IReadOnlyList<TranscriptEntry> From(IReadOnlyList<TranscriptTurn> transcript) =>
        [.. transcript.Select(From)];
}
