using System.Buffers;
using System.Text.Json;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.TestSupport.Candidates;

/// <summary>
/// The JSON text frames a candidate's client sends, spelled by <see cref="ClientMessageTypes"/>. The ones without
/// fields are built once, so a client that sends them often (the load generator) does not allocate.
/// </summary>
public static class ClientEvents
{
    public static ReadOnlyMemory<byte> StartInterview { get; } = OfType(ClientMessageTypes.StartInterview);

    public static ReadOnlyMemory<byte> CommitTurn { get; } = OfType(ClientMessageTypes.CommitTurn);

    public static ReadOnlyMemory<byte> EndInterview { get; } = OfType(ClientMessageTypes.EndInterview);

    public static ReadOnlyMemory<byte> Ping { get; } = OfType(ClientMessageTypes.Ping);

    /// <summary>start_interview with the recording consent the web app asks for.</summary>
    public static byte[] StartInterviewWithConsent(bool consent) =>
        Write(ClientMessageTypes.StartInterview, writer => writer.WriteBoolean("consent", consent));

    public static byte[] TextAnswer(string text) => Write(ClientMessageTypes.TextAnswer, writer => writer.WriteString("text", text));

    /// <summary>An event of <paramref name="type"/> with no fields (any string, so tests can send unknown types too).</summary>
    public static byte[] OfType(string type) => Write(type, null);

    private static byte[] Write(string type, Action<Utf8JsonWriter>? fields)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            fields?.Invoke(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
