namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>A response being produced; <see cref="Cancel"/> stops it where it is.</summary>
internal sealed class ActiveResponse(string id, CancellationToken lifetime) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);

    public string Id { get; } = id;

    public CancellationToken Stop => _stop.Token;

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Why it was cancelled: `client_cancelled` or `turn_detected`.</summary>
    public string? Reason { get; private set; }

    public bool Cancelling => Reason is not null;

    public void Cancel(string reason)
    {
        if (Reason is not null)
        {
            return;
        }

        Reason = reason;
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished in the meantime.
        }
    }

    public void Dispose() => _stop.Dispose();
}
