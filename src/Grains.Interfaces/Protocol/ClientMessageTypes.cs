namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>The "type" values clients send. The first four are spelled exactly as in the backend guide (seeds/004).</summary>
public static class ClientMessageTypes
{
    public const string StartInterview = "start_interview";
    public const string AudioChunk = "audio_chunk";
    public const string CommitTurn = "send_for_AI_processing";
    public const string EndInterview = "end_interview";
    public const string TextAnswer = "text_answer";
    public const string Ping = "ping";
}
