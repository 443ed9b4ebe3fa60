using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SyncHire.Emulators.Shared;

/// <summary>
/// A running emulator host: Kestrel on a loopback port with the chosen emulators mapped, plus the fault
/// control endpoint. Tests start one per test class; `dotnet run --project src/Emulators` starts all of them.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private EmulatorServer(WebApplication app, EmulatorOptions options, Uri baseAddress)
    {
        App = app;
        Options = options;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public EmulatorOptions Options { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public EmulatorFaults Faults => Options.Faults;

    /// <param name="certificate">Serves the https:// addresses of <paramref name="urls"/> with this certificate.</param>
    public static async Task<EmulatorServer> StartAsync(
        EmulatorOptions options, Action<WebApplication, EmulatorOptions> map, string urls = "http://127.0.0.1:0", string[]? args = null,
        X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(urls);
        if (certificate is not null)
        {
            // The slim builder leaves HTTPS out unless asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseWebSockets();
        map(app, options);
        MapFaultControl(app, options);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EmulatorServer(app, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>POST /_emulator/faults/{emulator} with an <see cref="EmulatorFault"/>; DELETE clears them.</summary>
    private static void MapFaultControl(WebApplication app, EmulatorOptions options)
    {
        app.MapPost("/_emulator/faults/{emulator}", (string emulator, EmulatorFault fault) =>
        {
            options.Faults.Arm(emulator, fault);
            return Results.NoContent();
        });
        app.MapDelete("/_emulator/faults/{emulator}", (string emulator) =>
        {
            options.Faults.Clear(emulator);
            return Results.NoContent();
        });
    }

    /// <summary>ws://127.0.0.1:{port}/{path} (wss:// when the server speaks TLS)</summary>
    public Uri WebSocketAddress(string path) =>
        new(new UriBuilder(BaseAddress) { Scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri, path.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
