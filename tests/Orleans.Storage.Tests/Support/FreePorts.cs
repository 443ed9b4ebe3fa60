using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SyncHire.OrleansStorage.Tests.Support;

/// <summary>Loopback ports nothing listens on, so silos of tests running in parallel never share one.</summary>
public static class FreePorts
{
    // The OS may hand a just-released port out again; never give the same one to two silos of this run.
    private static readonly ConcurrentDictionary<int, bool> Given = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Given.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
