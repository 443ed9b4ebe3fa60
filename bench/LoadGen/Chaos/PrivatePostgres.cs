using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncHire.Bench.LoadGen.Chaos;

/// <summary>
/// A PostgreSQL server of the chaos run's own (initdb in a temporary folder, a free loopback port), so that
/// restarting it under load touches nothing else on the machine. Runs the Debian server binaries as the postgres
/// user when started as root (initdb refuses root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=synchire;Password=synchire;Database=synchire;Timeout=5;Command Timeout=10";

    public static async Task<PrivatePostgres> StartAsync(CancellationToken cancellationToken)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql).");
        var folder = Path.Combine(Path.GetTempPath(), $"synchire-chaos-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new PrivatePostgres(bin, folder, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken);
        }

        await server.AsPostgresAsync("initdb", ["-D", server.DataFolder, "-U", "synchire", "--auth=trust", "-E", "UTF8"], cancellationToken);
        await server.StartServerAsync(cancellationToken);
        return server;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private Task StartServerAsync(CancellationToken cancellationToken) =>
        AsPostgresAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "start"], cancellationToken);

    /// <summary>Creates the database the cluster uses (the server starts with only the defaults).</summary>
    public Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        AsPostgresAsync("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "synchire", "synchire"], cancellationToken);

    /// <summary>A fast restart (pg_ctl restart -m fast): every open connection is cut, as in a failover.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) =>
        AsPostgresAsync("pg_ctl", ["-D", DataFolder, "-w", "-t", "30", "-m", "fast",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "restart"], cancellationToken);

    private Task AsPostgresAsync(string tool, string[] arguments, CancellationToken cancellationToken) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], cancellationToken)
            : RunAsync(Path.Combine(_bin, tool), arguments, cancellationToken);

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await AsPostgresAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }
}
