using SyncHire.Providers;

namespace SyncHire.Providers.Tests.OpenAI.Support;

/// <summary>
/// Reads a session's events the way the grain does — the next one only when the previous is dealt with — so the
/// adapter's view of "the current response" is the test's. Tests await the next event of a kind with a timeout.
/// </summary>
internal sealed class EventLog(IRealtimeSession session)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly IAsyncEnumerator<ProviderEvent> _events = session.Events.GetAsyncEnumerator();
    private readonly List<ProviderEvent> _all = [];

    /// <summary>Every event read so far.</summary>
    public IReadOnlyList<ProviderEvent> All => _all;

    /// <summary>Reads up to and including the next <typeparamref name="T"/> matching <paramref name="match"/>; returns what was read.</summary>
    public async Task<List<ProviderEvent>> UntilAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : ProviderEvent
    {
        List<ProviderEvent> read = [];
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (await _events.MoveNextAsync().AsTask().WaitAsync(deadline.Token))
            {
                read.Add(_events.Current);
                _all.Add(_events.Current);
                if (_events.Current is T wanted && (match is null || match(wanted)))
                {
                    return read;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(T).Name} within {timeout ?? DefaultTimeout}; read: {Describe(read)}");
        }

        throw new InvalidOperationException($"The event stream ended before a {typeof(T).Name}; read: {Describe(read)}");
    }

    public async Task<T> NextAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : ProviderEvent =>
        (T)(await UntilAsync(match, timeout))[^1];

    /// <summary>Reads until the stream ends; returns what came before the end. Throws if enumerating throws.</summary>
    public async Task<List<ProviderEvent>> EndAsync(TimeSpan? timeout = null)
    {
        List<ProviderEvent> read = [];
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (await _events.MoveNextAsync().AsTask().WaitAsync(deadline.Token))
        {
            read.Add(_events.Current);
            _all.Add(_events.Current);
        }

        return read;
    }

    private static string Describe(IEnumerable<ProviderEvent> events) =>
        string.Join(", ", events.Select(e => e is AudioDelta audio ? $"AudioDelta({audio.Pcm16Mono24k.Length})" : e.ToString()));
}
