namespace SyncHire.Providers.Tests.Core;

/// <summary>A provider whose connect the test decides: accept, refuse, or hang until cancelled.</summary>
internal sealed class StubProvider(string name, bool configured = true, RealtimeCapabilities? capabilities = null) : IRealtimeProvider
{
    public string Name => name;

    public bool IsConfigured => configured;

    public RealtimeCapabilities Capabilities { get; } = capabilities ?? new();

    /// <summary>Thrown by each connect when set.</summary>
    public Exception? Refusal { get; init; }

    /// <summary>Connects wait for cancellation when set.</summary>
    public bool Hangs { get; init; }

    /// <summary>The options of every connect attempt, in order.</summary>
    public List<RealtimeSessionOptions> Attempts { get; } = [];

    public List<StubSession> Sessions { get; } = [];

    public async Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        Attempts.Add(options);
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Refusal is not null)
        {
            throw Refusal;
        }

        var session = new StubSession();
        Sessions.Add(session);
        return session;
    }
}

/// <summary>Records the commands it is given.</summary>
internal sealed class StubSession : IRealtimeSession
{
    public List<string> Commands { get; } = [];

    public IAsyncEnumerable<ProviderEvent> Events { get; } = AsyncEnumerable.Empty<ProviderEvent>();

    public bool Disposed { get; private set; }

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken) => Record($"audio:{pcm16Mono16k.Length}");

    public ValueTask CommitTurnAsync(CancellationToken cancellationToken) => Record("commit");

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => Record($"text:{text}");

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken) => Record("create");

    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken) => Record($"cancel:{audioPlayed.TotalMilliseconds}");

    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken) => Record($"instructions:{instructions}");

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken) => Record($"tool:{callId}:{resultJson}");

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private ValueTask Record(string command)
    {
        Commands.Add(command);
        return ValueTask.CompletedTask;
    }
}
