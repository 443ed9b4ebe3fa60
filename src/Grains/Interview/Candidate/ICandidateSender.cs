using SyncHire.Grains.Candidates;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Grains.Interview;

/// <summary>Sends to the candidate, if one is connected, without waiting (see <see cref="CandidateChannel.Send"/>).</summary>
internal interface ICandidateSender
{
    void Send(ConnectionFrame frame);
}

internal static class CandidateSenderExtensions
{
    public static void Send(this ICandidateSender sender, byte[] utf8Json) => sender.Send(ConnectionFrame.Text(utf8Json));

    public static void SendError(this ICandidateSender sender, string code, string message, DateTimeOffset now) =>
        sender.Send(ServerEvents.Error(code, message, now));

    public static void SendFinalTranscript(this ICandidateSender sender, TranscriptTurn turn, DateTimeOffset now) =>
        sender.Send(ServerEvents.Transcript(turn.Speaker, turn.Text, final: true, turn.Sequence, turn.QuestionIndex, now));
}
