using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>
/// The real SyncHire app (<see cref="SyncHireApp.Build"/>) listening on a free loopback port, with its own SQLite
/// file and its own Orleans silo port. Settings override configuration exactly as command-line arguments do.
/// Disposing stops the app and deletes the database.
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private GatewayTestHost(WebApplication app, Uri baseAddress, string databasePath)
    {
        App = app;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public string DatabasePath { get; }

    /// <summary>
    /// Starts the app. Unless overridden, it is a single node on its own SQLite file with the offline interviewer.
    /// Settings win over those defaults: pass Cluster:ConnectionString (and Cluster:PrimarySiloPort, or
    /// Cluster:Storage postgres) to join other processes as one cluster.
    /// </summary>
    public static async Task<GatewayTestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"synchire-gateway-test-{Guid.NewGuid():N}.db");
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Cluster:ConnectionString=Data Source={databasePath}",
            // Every test host is also a silo: each needs its own silo-to-silo port.
            $"--Cluster:SiloPort={FreePort()}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = SyncHireApp.Build([.. args]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteDatabase(databasePath);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new GatewayTestHost(app, new Uri(address.TrimEnd('/') + "/"), databasePath);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>ws://127.0.0.1:{port}/{relativePath}</summary>
    public Uri WebSocketAddress(string relativePath) =>
        new(new UriBuilder(BaseAddress) { Scheme = "ws" }.Uri, relativePath.TrimStart('/'));

    /// <summary>The candidate socket of an interview, with the token in the query when there is one.</summary>
    public Uri CandidateSocketAddress(string interviewId, string? token) =>
        WebSocketAddress(token is null
            ? $"ws/interviews/{interviewId}"
            : $"ws/interviews/{interviewId}?token={Uri.EscapeDataString(token)}");

    public T GetRequiredService<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            DeleteDatabase(DatabasePath);
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the app as kill -9 would: no shutdown code runs, so the cluster must detect the silo's death.</summary>
    public async Task KillAsync()
    {
        await App.StopAsync(new CancellationToken(canceled: true));
        await App.DisposeAsync();
    }

    internal static void DeleteDatabase(string path)
    {
        // Pooled connections keep the file open; release them so the file (and its WAL) can go.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
