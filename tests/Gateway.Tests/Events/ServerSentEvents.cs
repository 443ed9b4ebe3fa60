using System.Text.Json;
using System.Threading.Channels;

namespace SyncHire.Gateway.Tests.Events;

/// <summary>One event of a text/event-stream; comments (keep-alives) come through with <see cref="Name"/> null.</summary>
public sealed record ServerSentEvent(string? Name, string? Id, string Data, string? Comment)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>
/// Reads an SSE response as a client would, parsing the stream on a background task into a queue the test awaits;
/// <see cref="Completion"/> ends when the server closes the stream.
/// </summary>
public sealed class ServerSentEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>();

    private ServerSentEvents(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        _response = response;
        Completion = Task.Run(() => ReadAsync(cancellationToken), cancellationToken);
    }

    public Task Completion { get; }

    public static async Task<ServerSentEvents> OpenAsync(HttpClient http, string path, CancellationToken cancellationToken, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEvents(response, cancellationToken);
    }

    /// <summary>The next event (or comment) in order.</summary>
    public async Task<ServerSentEvent> NextAsync(CancellationToken cancellationToken) => await _events.Reader.ReadAsync(cancellationToken);

    /// <summary>Reads until an event named <paramref name="name"/>, collecting every event read on the way into <paramref name="seen"/>.</summary>
    public async Task<ServerSentEvent> NextAsync(string name, List<ServerSentEvent> seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await NextAsync(cancellationToken);
            seen.Add(next);
            if (next.Name == name)
            {
                return next;
            }
        }
    }

    /// <summary>Everything until the server closes the stream.</summary>
    public async Task<List<ServerSentEvent>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var all = new List<ServerSentEvent>();
        await foreach (var next in _events.Reader.ReadAllAsync(cancellationToken))
        {
            all.Add(next);
        }

        await Completion;
        return all;
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(cancellationToken));
            string? name = null, id = null, comment = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    if (name is not null || data.Count > 0 || comment is not null)
                    {
                        _events.Writer.TryWrite(new ServerSentEvent(name, id, string.Join("\n", data), comment));
                    }

                    name = id = comment = null;
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    comment = line[1..].Trim();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = line["id:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line["data:".Length..].TrimStart());
                }
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
