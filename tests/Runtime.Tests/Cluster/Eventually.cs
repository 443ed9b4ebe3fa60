namespace SyncHire.Runtime.Tests.Cluster;

/// <summary>Awaits a condition that another process or silo makes true, polling it, with a hard deadline.</summary>
internal static class Eventually
{
    public static async Task<T> Becomes<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
