using Orleans.Storage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Writes grain state so that a database restart delays the grain rather than failing the work in hand: a
/// transient failure (the server restarting, a pooled connection it cut) is retried with backoff for about ten
/// seconds inside the turn. A conflicting write (<see cref="InconsistentStateException"/>: another activation wrote
/// since) is never retried; Orleans deactivates this stale activation.
/// </summary>
internal static class DurableWrites
{
    private const int Attempts = 15;

    public static Task WriteWithRetryAsync<T>(this IPersistentState<T> state) => RetryAsync(state.WriteStateAsync);

    /// <summary>Runs <paramref name="write"/>, again after a transient failure, never after a conflict.</summary>
    public static async Task RetryAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception exception) when (attempt < Attempts && IsTransient(exception))
            {
                // Real time, whatever clock the grain runs on: this waits for a database, not for the interview.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * attempt, 1000)));
            }
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is not InconsistentStateException
        && (exception is System.Data.Common.DbException or TimeoutException or IOException or System.Net.Sockets.SocketException
            || exception.InnerException is { } inner && IsTransient(inner));
}
