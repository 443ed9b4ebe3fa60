namespace SyncHire.TestSupport;

/// <summary>Awaits a condition the cluster makes true in its own time, polling it, with a hard deadline.</summary>
public static class Eventually
{
    public static async Task<T> Becomes<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {what}; last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
