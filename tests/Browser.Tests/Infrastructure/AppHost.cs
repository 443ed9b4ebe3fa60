using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// The real SyncHire app (<see cref="Gateway.SyncHireApp.Build"/>: gateway + silo, SQLite, offline interviewer)
/// on a loopback port, serving the web app from its wwwroot. <see cref="StopAsync"/> then <see cref="StartAgainAsync"/>
/// replace the server with a new one on the same port and database, which is what a candidate's browser sees when
/// the gateway is redeployed in the middle of an interview.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly string _databasePath;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private WebApplication? _app;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private AppHost(string databasePath, IReadOnlyDictionary<string, string?> settings)
    {
        _databasePath = databasePath;
        _settings = settings;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="settings">Overrides, written as command-line settings are ("Interviews:DefaultProvider" → "openai").</param>
    public static async Task<AppHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new AppHost(Path.Combine(Path.GetTempPath(), $"synchire-browser-test-{Guid.NewGuid():N}.db"),
            settings ?? new Dictionary<string, string?>());
        await host.StartOnAsync(port: 0);
        return host;
    }

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops the server as a redeploy does: candidates are told to reconnect and their sockets close.</summary>
    public Task StopAsync() => StopAppAsync();

    /// <summary>Starts a new server on the same port and database, as the redeployed process.</summary>
    public Task StartAgainAsync() => StartOnAsync(BaseAddress.Port);

    private readonly int _siloPort = FreeLoopbackPort();

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartOnAsync(int port)
    {
        var app = Gateway.SyncHireApp.Build(
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Cluster:ConnectionString=Data Source={_databasePath}",
            // The process is an Orleans silo too: its own silo port, so test hosts never collide.
            $"--Cluster:SiloPort={_siloPort}",
            // A fixed key, as in any real deployment: tokens issued before a restart stay valid after it.
            $"--Gateway:TokenSigningKey={_signingKey}",
            .. _settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        ]);
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task StopAppAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            try
            {
                await app.StopAsync();
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
