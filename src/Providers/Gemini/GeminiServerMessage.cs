using System.Text.Json;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// One server message as <see cref="GeminiLiveSocket.ReceiveAsync"/> hands it over: the model's audio alone, already
/// decoded (<see cref="GeminiModelAudio"/>), or any other message as a document. Both are valid only until the
/// connection's next receive: the document reads the connection's receive buffer in place, and the audio list is reused.
/// </summary>
internal readonly struct GeminiServerMessage : IDisposable
{
    private GeminiServerMessage(JsonDocument? document, IReadOnlyList<ReadOnlyMemory<byte>> modelAudio)
    {
        Document = document;
        ModelAudio = modelAudio;
    }

    /// <summary>The whole message, unless it was only model audio.</summary>
    public JsonDocument? Document { get; }

    /// <summary>The message's audio parts as PCM16 mono 24 kHz, each its own array (an <see cref="AudioDelta"/> keeps it).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> ModelAudio { get; }

    public bool IsModelAudio => Document is null;

    /// <summary>Reads <paramref name="utf8Json"/>, which must not change while the result is in use.</summary>
    /// <param name="modelAudio">The list the audio parts go into, reused from message to message.</param>
    public static GeminiServerMessage Parse(ReadOnlyMemory<byte> utf8Json, List<ReadOnlyMemory<byte>> modelAudio) =>
        GeminiModelAudio.TryRead(utf8Json.Span, modelAudio)
            ? new GeminiServerMessage(null, modelAudio)
            : new GeminiServerMessage(JsonDocument.Parse(utf8Json), []);

    public void Dispose() => Document?.Dispose();
}
