using System.Text.Json;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.TestSupport.Candidates;

/// <summary>
/// One frame the server sent the candidate: a JSON event (its <see cref="Type"/> is one of
/// <see cref="ServerEventTypes"/>) or a binary frame of interviewer audio (PCM16 24 kHz).
/// </summary>
public sealed record ServerFrame(string? Type, JsonElement Event, ReadOnlyMemory<byte> Audio)
{
    /// <summary>How <see cref="CandidateClient.ReceivedTypes"/> names an audio frame.</summary>
    public const string BinaryType = "binary";

    public bool IsAudio => Type is null;

    public static ServerFrame FromAudio(ReadOnlySpan<byte> pcm16) => new(null, default, pcm16.ToArray());

    /// <summary>Parses a text frame; every server event carries a "type".</summary>
    public static ServerFrame FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var root = JsonElement.ParseValue(ref reader);
        return new ServerFrame(root.GetProperty("type").GetString(), root, default);
    }
}
