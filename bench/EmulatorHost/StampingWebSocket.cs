using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;

namespace SyncHire.Bench.EmulatorHost;

/// <summary>
/// The emulator's socket, observed. Received `input_audio_buffer.append` events: the arrival time is taken when the
/// message is complete, then the audio's stamp is read (latency in). Sent `response.output_audio.delta` events: the
/// audio's first samples are overwritten with a stamp of the send time (latency out, read by the load generator).
/// </summary>
internal sealed class StampingWebSocket(WebSocket inner, TapStats stats) : WebSocket
{
    private const int OutputRunLength = 4;
    private static readonly byte[] AppendType = "\"input_audio_buffer.append\""u8.ToArray();
    private static readonly byte[] AudioField = "\"audio\":\""u8.ToArray();
    private static readonly byte[] DeltaType = "\"response.output_audio.delta\""u8.ToArray();
    private static readonly byte[] DeltaField = "\"delta\":\""u8.ToArray();

    private readonly ArrayBufferWriter<byte> _message = new(4096);
    private byte[] _pcm = new byte[1024];

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => inner.Dispose();

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Observe(buffer.AsSpan(0, result.Count), result.MessageType, result.EndOfMessage);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Observe(buffer.Span[..result.Count], result.MessageType, result.EndOfMessage);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        if (messageType == WebSocketMessageType.Text && endOfMessage && buffer.Span.IndexOf(DeltaType) >= 0
            && Stamp(buffer.Span) is { } stamped)
        {
            stats.DeltaStamped();
            return inner.SendAsync(stamped.AsMemory(), messageType, endOfMessage, cancellationToken);
        }

        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    private void Observe(ReadOnlySpan<byte> received, WebSocketMessageType type, bool endOfMessage)
    {
        if (type != WebSocketMessageType.Text)
        {
            return;
        }

        _message.Write(received);
        if (!endOfMessage)
        {
            return;
        }

        var arrived = FrameStamp.NowMicros();
        var message = _message.WrittenSpan;
        if (message.IndexOf(AppendType) >= 0)
        {
            stats.AppendSeen();
            if (DecodeInputAudio(message) is var pcm && pcm.Length > 0
                && FrameStamp.TryRead(MemoryMarshal.Cast<byte, short>(pcm[..(pcm.Length / 2 * 2)]), out var stamp))
            {
                stats.Input.Record((arrived - stamp) & ((1L << 48) - 1));
            }
        }

        _message.ResetWrittenCount();
    }

    /// <summary>
    /// The audio of an append, decoded into a buffer reused per socket: the tap sees 50 of these a second per session
    /// and must stay a small share of the harness. Escaped base64 takes the slower path of <see cref="DecodeField"/>.
    /// </summary>
    private ReadOnlySpan<byte> DecodeInputAudio(ReadOnlySpan<byte> message)
    {
        var start = message.IndexOf(AudioField);
        if (start < 0)
        {
            return [];
        }

        start += AudioField.Length;
        var length = message[start..].IndexOf((byte)'"');
        if (length < 0)
        {
            return [];
        }

        var base64 = message.Slice(start, length);
        if (base64.Contains((byte)'\\'))
        {
            return DecodeField(message, AudioField, out var unescaped, out _, out _) ? unescaped : [];
        }

        if (_pcm.Length < Base64.GetMaxDecodedFromUtf8Length(base64.Length))
        {
            _pcm = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        }

        return Base64.DecodeFromUtf8(base64, _pcm, out _, out var written) == OperationStatus.Done ? _pcm.AsSpan(0, written) : [];
    }

    /// <summary>The delta event with its audio's first samples replaced by a stamp of now; null if it has no audio.</summary>
    private static byte[]? Stamp(ReadOnlySpan<byte> message)
    {
        if (!DecodeField(message, DeltaField, out var pcm, out var start, out var end))
        {
            return null;
        }

        var samples = MemoryMarshal.Cast<byte, short>(pcm.AsSpan(0, pcm.Length / 2 * 2));
        if (samples.Length < FrameStamp.Length(OutputRunLength))
        {
            return null;
        }

        FrameStamp.Write(samples, FrameStamp.NowMicros(), loud: false, OutputRunLength);
        var encoded = Convert.ToBase64String(pcm);
        var stamped = new byte[start + encoded.Length + (message.Length - end)];
        message[..start].CopyTo(stamped);
        Encoding.ASCII.GetBytes(encoded, stamped.AsSpan(start));
        message[end..].CopyTo(stamped.AsSpan(start + encoded.Length));
        return stamped;
    }

    /// <summary>Decodes the base64 JSON string after <paramref name="field"/>; start/end bound its characters in the message.</summary>
    private static bool DecodeField(ReadOnlySpan<byte> message, ReadOnlySpan<byte> field, out byte[] bytes, out int start, out int end)
    {
        bytes = [];
        end = 0;
        start = message.IndexOf(field);
        if (start < 0)
        {
            return false;
        }

        start += field.Length;
        var close = message[start..].IndexOf((byte)'"');
        if (close < 0)
        {
            return false;
        }

        end = start + close;
        var text = Encoding.ASCII.GetString(message[start..end]);
        // System.Text.Json writes '+' as \u002B and may write '/' as \/; undo both before decoding.
        if (text.Contains('\\'))
        {
            text = text.Replace("\\u002B", "+", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal);
        }

        bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
