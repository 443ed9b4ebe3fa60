namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>One single-node app per test class (xunit class fixture), on its own database.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private GatewayTestHost? _host;

    public GatewayTestHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _host = await GatewayTestHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
