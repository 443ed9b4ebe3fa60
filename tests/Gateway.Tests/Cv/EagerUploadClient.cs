using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SyncHire.Gateway.Tests.Cv;

/// <summary>What the server answered, as far as the client could read it.</summary>
/// <param name="Failure">Why no answer could be read (a reset, typically), or null when one was.</param>
/// <param name="Json">The answer's JSON body (a Problem Details object), whatever its transfer encoding.</param>
internal sealed record EagerUploadResult(string? Failure, int Status, string Head, string Json);

/// <summary>
/// An HTTP/1.1 client that uploads as browsers and Node's fetch do: the headers and then the whole body at once, with
/// no Expect: 100-continue, and only then the answer. A server that answers and closes before the body is in has
/// left unread bytes behind, so its kernel resets the connection and the answer is lost: what users saw as "fetch
/// failed" is <see cref="EagerUploadResult.Failure"/> here.
/// </summary>
internal static class EagerUploadClient
{
    private const int ChunkBytes = 64 * 1024;

    /// <param name="chunked">Send the body with Transfer-Encoding: chunked (no length known up front) instead of Content-Length.</param>
    /// <param name="declaredLength">A Content-Length to announce instead of the body's own; the body is then not sent.</param>
    public static async Task<EagerUploadResult> PostAsync(
        Uri server, string path, HttpContent content, CancellationToken cancellationToken, bool chunked = false, long? declaredLength = null)
    {
        var body = declaredLength is null ? await content.ReadAsByteArrayAsync(cancellationToken) : [];
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {declaredLength ?? body.Length}";
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {content.Headers.ContentType}\r\n{framing}\r\n" +
            "Connection: close\r\n\r\n");

        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        using var answer = new MemoryStream();
        try
        {
            await stream.WriteAsync(head, cancellationToken);
            await WriteBodyAsync(stream, body, chunked, cancellationToken);
            // Connection: close, so the answer ends where the stream does.
            await stream.CopyToAsync(answer, cancellationToken);
        }
        catch (IOException e)
        {
            return new EagerUploadResult($"{e.GetType().Name}: {e.Message}", 0, "", "");
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return new EagerUploadResult($"incomplete answer: \"{text}\"", 0, text, "");
        }

        var status = int.Parse(text.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        var json = text[text.IndexOf('{', headEnd)..(text.LastIndexOf('}') + 1)]; // Skips chunk-size lines, if any.
        return new EagerUploadResult(null, status, text[..headEnd], json);
    }

    private static async Task WriteBodyAsync(NetworkStream stream, byte[] body, bool chunked, CancellationToken cancellationToken)
    {
        if (!chunked)
        {
            await stream.WriteAsync(body, cancellationToken);
            return;
        }

        for (var offset = 0; offset < body.Length; offset += ChunkBytes)
        {
            var length = Math.Min(ChunkBytes, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"), cancellationToken);
            await stream.WriteAsync(body.AsMemory(offset, length), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }
}
