using System.Collections.Concurrent;
using System.Text.Json;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The function calls the model is waiting on. A turn starts a call and waits for its output; the client's
/// toolResponse (on the receive loop) completes it; an interruption cancels every call still pending.
/// </summary>
internal sealed class LiveToolCalls
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);
    private int _callCount;

    /// <summary>A new call's ID (32 characters, as the real service's are) and its output, once the client responds.</summary>
    public (string Id, Task<string> Output) Start()
    {
        var id = $"function-call-{Interlocked.Increment(ref _callCount)}-{Guid.NewGuid():N}"[..32];
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        return (id, pending.Task);
    }

    /// <summary>toolResponse: each functionResponse completes the pending call of its ID; unknown IDs are ignored.</summary>
    public void Respond(JsonElement toolResponse)
    {
        if (!toolResponse.TryGetProperty("functionResponses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var response in responses.EnumerateArray())
        {
            var id = response.TryGetProperty("id", out var i) ? i.GetString() : null;
            var output = response.TryGetProperty("response", out var r) ? r.GetRawText() : "{}";
            if (id is not null && _pending.TryRemove(id, out var pending))
            {
                pending.TrySetResult(output);
            }
        }
    }

    /// <summary>Cancels every pending call; returns the IDs that were pending, for toolCallCancellation.</summary>
    public string[] CancelAll()
    {
        var cancelled = _pending.Keys.ToArray();
        foreach (var id in cancelled)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.TrySetCanceled();
            }
        }

        return cancelled;
    }
}
