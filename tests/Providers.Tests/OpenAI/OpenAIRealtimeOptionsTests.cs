using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHire.Providers;
using SyncHire.Providers.OpenAI;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>"Providers:OpenAI" binds into the provider and bad values stop startup with the setting named.</summary>
public sealed class OpenAIRealtimeOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddOpenAIRealtimeProvider()
            .BuildServiceProvider();

    [Fact]
    public void Configuration_binds_into_the_registered_provider()
    {
        using var services = Build(new()
        {
            ["Providers:OpenAI:ApiKey"] = "sk-test",
            ["Providers:OpenAI:Model"] = "gpt-realtime-mini",
            ["Providers:OpenAI:MaxSessionDuration"] = "00:50:00",
            ["Providers:OpenAI:TurnDetection:SilenceDurationMs"] = "500",
        });

        var provider = Assert.IsType<OpenAIRealtimeProvider>(Assert.Single(services.GetServices<IRealtimeProvider>()));
        var options = services.GetRequiredService<IOptions<OpenAIRealtimeOptions>>().Value;

        Assert.Equal(("openai", true, TimeSpan.FromMinutes(50)), (provider.Name, provider.IsConfigured, provider.Capabilities.MaxSessionDuration));
        Assert.Equal(("gpt-realtime-mini", 500, 0.5, 300), (options.Model, options.TurnDetection.SilenceDurationMs, options.TurnDetection.Threshold, options.TurnDetection.PrefixPaddingMs));
        Assert.Equal((0.5, "alloy", "https://api.openai.com/v1"), (options.Temperature, options.Voice, options.Endpoint));
    }

    [Theory]
    [InlineData("Temperature", "0.9", "Providers:OpenAI:Temperature must be between 0.3 and 0.6")]
    [InlineData("Temperature", "0.2", "Providers:OpenAI:Temperature must be between 0.3 and 0.6")]
    [InlineData("MaxOutputTokens", "0", "Providers:OpenAI:MaxOutputTokens")]
    [InlineData("TurnDetection:Threshold", "1.2", "Providers:OpenAI:TurnDetection:Threshold")]
    [InlineData("MaxSessionDuration", "01:30:00", "Providers:OpenAI:MaxSessionDuration")]
    [InlineData("Endpoint", "not a url", "Providers:OpenAI:Endpoint")]
    [InlineData("Endpoint", "https://api.openai.com/v1?key=sk-secret", "must not carry a query string")]
    public void Out_of_range_settings_are_refused_naming_the_setting(string setting, string value, string expected)
    {
        using var services = Build(new() { ["Providers:OpenAI:ApiKey"] = "sk-test", [$"Providers:OpenAI:{setting}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OpenAIRealtimeOptions>>().Value);

        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain("sk-secret", failure.Message);
    }
}
