using System.Text;
using System.Text.Json;

namespace SyncHire.Gateway.Events;

/// <summary>Writes the text/event-stream format: named events with one-line JSON data, and comment lines.</summary>
internal sealed class ServerSentEventWriter(HttpResponse response, JsonSerializerOptions json)
{
    public async Task WriteEventAsync<T>(string name, T payload, string? id, CancellationToken cancellationToken)
    {
        var frame = new StringBuilder();
        if (id is not null)
        {
            frame.Append("id: ").Append(id).Append('\n');
        }

        // Serialised JSON has no raw line breaks, so the data is always a single "data:" line.
        frame.Append("event: ").Append(name).Append('\n');
        frame.Append("data: ").Append(JsonSerializer.Serialize(payload, json)).Append("\n\n");
        await WriteAsync(frame.ToString(), cancellationToken);
    }

    /// <summary>A comment: ignored by clients, but it keeps proxies from timing the stream out.</summary>
    public Task WriteCommentAsync(string text, CancellationToken cancellationToken) => WriteAsync($": {text}\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
