using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

public sealed class GeminiLiveKeyTests
{
    [Fact]
    public async Task A_wrong_key_fails_to_connect_with_the_services_reason_and_never_the_key()
    {
        const string wrongKey = "AIzaSy-not-the-emulator-key-4711";
        await using var host = await GeminiTestHost.StartAsync(apiKey: wrongKey);

        var failure = await Assert.ThrowsAsync<GeminiLiveException>(() => host.ConnectAsync());

        Assert.Equal("setup_refused", failure.Code);
        Assert.False(failure.Retryable);
        Assert.Contains("API key not valid", failure.Message);
        Assert.Contains("1007", failure.Message);
        Assert.DoesNotContain(wrongKey, failure.ToString());
        Assert.Empty(host.Emulator.Connections);
        Assert.Equal(1, host.Emulator.RejectedConnections);
    }

    [Fact]
    public void Without_a_key_the_provider_is_not_configured()
    {
        var provider = new GeminiLiveProvider(Microsoft.Extensions.Options.Options.Create(new GeminiLiveOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<GeminiLiveProvider>.Instance);

        Assert.False(provider.IsConfigured);
    }
}
