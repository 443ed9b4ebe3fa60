using System.ClientModel.Primitives;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenAI;
using OpenAI.Realtime;

namespace SyncHire.Providers.OpenAI;

/// <summary>One server event: the interviewer's audio, or any other event as the SDK's model.</summary>
internal readonly record struct RealtimeServerMessage(RealtimeServerUpdate? Update, ReadOnlyMemory<byte> OutputAudio)
{
    public bool IsOutputAudio => Update is null;
}

/// <summary>
/// Reads the server's events off the session's WebSocket. `response.output_audio.delta` (the interviewer's voice,
/// most of the server's traffic) is picked out of the UTF-8 by hand and its base64 decoded straight into the PCM
/// array it becomes: the SDK's model path also materialised the base64 as a .NET string (twice the size again) and
/// a model per delta. Every other event is handed to the SDK's own deserialisation, so the adapter keeps matching
/// on the SDK's types.
/// </summary>
internal sealed class RealtimeServerReader(WebSocket socket)
{
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>Not pooled: a receive still in flight when the session is disposed may write into it.</summary>
    private byte[] _buffer = new byte[InitialBufferBytes];

    /// <summary>The next event; null when the server closed the session.</summary>
    /// <remarks>Pooled: the read waits for the network on almost every event, and a plain ValueTask method then boxes
    /// its state machine each time.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RealtimeServerMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Grow();
            }

            var received = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += received.Count;
            if (received.EndOfMessage)
            {
                return Parse(_buffer.AsSpan(0, length));
            }
        }
    }

    internal static RealtimeServerMessage Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (TryReadOutputAudio(utf8Json, out var pcm))
        {
            return new RealtimeServerMessage(null, pcm);
        }

        // A copy: the buffer is reused for the next message, and these events are few.
        var update = ModelReaderWriter.Read<RealtimeServerUpdate>(BinaryData.FromBytes(utf8Json.ToArray()), ModelReaderWriterOptions.Json, OpenAIContext.Default)
            ?? throw new JsonException("The server sent an event the SDK could not read.");
        return new RealtimeServerMessage(update, default);
    }

    /// <summary>The decoded "delta" of a `response.output_audio.delta`; false for any other event.</summary>
    private static bool TryReadOutputAudio(ReadOnlySpan<byte> utf8Json, out ReadOnlyMemory<byte> pcm)
    {
        pcm = default;
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool? isAudio = null;
        ReadOnlyMemory<byte>? delta = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isDelta = !isType && reader.ValueTextEquals("delta"u8);
            reader.Read();
            if (isType)
            {
                isAudio = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("response.output_audio.delta"u8);
                if (isAudio == false)
                {
                    return false;
                }
            }
            else if (isDelta && reader.TokenType == JsonTokenType.String)
            {
                delta = Base64Audio.Decode(ref reader, "The audio delta");
            }
            else
            {
                reader.Skip();
            }

            if (isAudio == true && delta is { } audio)
            {
                pcm = audio;
                return true;
            }
        }

        return false;
    }

    private void Grow() => Array.Resize(ref _buffer, _buffer.Length * 2);
}
