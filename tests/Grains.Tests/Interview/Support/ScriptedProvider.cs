using System.Threading.Channels;
using SyncHire.TestSupport.Candidates;
using SyncHire.Providers;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Support;

/// <summary>
/// A provider plugin the test speaks for: it emits whatever events the test writes and records every command the
/// grain sends. It stands in for a remote model (OpenAI, Gemini) at the plugin seam, so the grain's handling of
/// barge-in, fatal errors and dropped sessions can be driven exactly; the grain itself runs for real.
/// </summary>
internal sealed class ScriptedProvider : IRealtimeProvider
{
    public const string ProviderName = "scripted";

    private readonly Channel<ScriptedSession> _sessions = Channel.CreateUnbounded<ScriptedSession>();

    public string Name { get; init; } = ProviderName;

    public bool IsConfigured => true;

    /// <summary>When set, the grain must roll sessions over before this age.</summary>
    public TimeSpan? MaxSessionDuration { get; set; }

    public RealtimeCapabilities Capabilities => new(MaxSessionDuration: MaxSessionDuration);

    /// <summary>How many of the next connection attempts fail (the provider is unreachable); -1: all of them.</summary>
    public int FailingConnections { get; set; }

    /// <summary>Connection attempts made, failed ones included.</summary>
    public int ConnectionAttempts => Volatile.Read(ref _attempts);

    private int _attempts;

    public Task<IRealtimeSession> ConnectAsync(RealtimeSessionOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (FailingConnections != 0)
        {
            if (FailingConnections > 0)
            {
                FailingConnections--;
            }

            throw new HttpRequestException("connection refused (scripted)");
        }

        var session = new ScriptedSession(options);
        _sessions.Writer.TryWrite(session);
        return Task.FromResult<IRealtimeSession>(session);
    }

    /// <summary>The next session the grain opens.</summary>
    public async Task<ScriptedSession> NextSessionAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(CandidateClient.Patience);
        return await _sessions.Reader.ReadAsync(timeout.Token);
    }
}

internal sealed class ScriptedSession(RealtimeSessionOptions options) : IRealtimeSession
{
    private readonly Channel<ProviderEvent> _events = Channel.CreateUnbounded<ProviderEvent>();
    private readonly Channel<string> _commands = Channel.CreateUnbounded<string>();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recorded = new();

    public RealtimeSessionOptions Options { get; } = options;

    public IAsyncEnumerable<ProviderEvent> Events => _events.Reader.ReadAllAsync();

    /// <summary>Every command so far, whether or not a test has awaited it.</summary>
    public IReadOnlyCollection<string> RecordedCommands => [.. _recorded];

    public void Emit(params ProviderEvent[] events)
    {
        foreach (var providerEvent in events)
        {
            _events.Writer.TryWrite(providerEvent);
        }
    }

    /// <summary>The provider hangs up: the event stream ends.</summary>
    public void Hangup() => _events.Writer.TryComplete();

    /// <summary>Commands are recorded as "name" or "name:argument", in the order the grain sent them.</summary>
    public async Task<string> NextCommandAsync(string prefix)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(CandidateClient.Patience);
        while (true)
        {
            var command = await _commands.Reader.ReadAsync(timeout.Token);
            if (command.StartsWith(prefix, StringComparison.Ordinal))
            {
                return command;
            }
        }
    }

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken) => Record($"audio:{pcm16Mono16k.Length}");

    public ValueTask CommitTurnAsync(CancellationToken cancellationToken) => Record("commit");

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => Record($"text:{text}");

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken) => Record("create");

    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken) =>
        Record($"cancel:{audioPlayed.TotalMilliseconds:0}");

    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken) => Record("instructions");

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken) =>
        Record($"tool:{callId}:{resultJson}");

    public ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        return Record("dispose");
    }

    private ValueTask Record(string command)
    {
        _recorded.Enqueue(command);
        _commands.Writer.TryWrite(command);
        return ValueTask.CompletedTask;
    }
}
