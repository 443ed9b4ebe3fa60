using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Tenants;

/// <summary>
/// Tests that act as the platform tenant "acme": a host of their own (so listings see only their interviews) and
/// a client that sends acme's API key.
/// </summary>
public abstract class AcmeTenantHostTests : IAsyncLifetime
{
    protected GatewayTestHost _host = null!;
    protected HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayTestHost.StartAsync(TenantKeys.Settings());
        _client = _host.CreateClient(TenantKeys.AcmeKey);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
