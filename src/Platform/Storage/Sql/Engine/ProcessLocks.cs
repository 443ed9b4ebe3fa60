using System.Collections.Concurrent;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>
/// Named locks inside this process. Alone, they serve SQLite (one process uses the file); in front of PostgreSQL's
/// advisory lock, they make the callers of one process queue here rather than each holding a pooled connection
/// while it waits for the database lock: a burst of creates must not use up the server's connection slots.
/// </summary>
internal static class ProcessLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static async Task<IAsyncDisposable> AcquireAsync(string scope, string name, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd($"{scope}\n{name}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
