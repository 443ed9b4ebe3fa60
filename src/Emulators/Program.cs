using SyncHire.Emulators;
using SyncHire.Emulators.Shared;

// The emulators as a standalone server, for the offline demo and the benchmark:
//   dotnet run --project src/Emulators -- --urls http://127.0.0.1:8090 [--realtime]
// An https:// address is served with a fresh self-signed certificate, written out for NODE_EXTRA_CA_CERTS.
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:8090";
var options = new EmulatorOptions { RealTimeAudio = args.Contains("--realtime") };
var certificate = urls.Contains("https://", StringComparison.OrdinalIgnoreCase) ? EmulatorCertificate.CreateSelfSigned() : null;
await using var server = await EmulatorServer.StartAsync(options, EmulatorRoutes.MapAll, urls, certificate: certificate);
Console.WriteLine($"Provider emulators listening at {server.BaseAddress} (API key: {options.ApiKey})");
if (certificate is not null)
{
    var pem = EmulatorCertificate.WritePem(certificate, Path.Combine(Path.GetTempPath(), "synchire-emulator-cert.pem"));
    Console.WriteLine($"TLS certificate (trust it with NODE_EXTRA_CA_CERTS): {pem}");
}
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
