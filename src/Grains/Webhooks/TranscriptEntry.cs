using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// One utterance as platforms read it in the completion webhook (the REST transcript's `TranscriptTurnResponse` has
/// the same shape): offsets in milliseconds since the interview started, and a 1-based question index like every
/// question index on the wire.
/// </summary>
/// <param name="Speaker">"interviewer" or "candidate".</param>
public sealed record TranscriptEntry(int Sequence, string Speaker, string Text, long StartMs, long EndMs, int? QuestionIndex)
{
    public static TranscriptEntry From(TranscriptTurn turn) =>
        new(turn.Sequence, turn.Speaker, turn.Text, turn.StartMs, turn.EndMs, turn.QuestionIndex + 1);

    public static IReadOnlyList<TranscriptEntry> From(IReadOnlyList<TranscriptTurn> transcript) =>
        [.. transcript.Select(From)];
}
