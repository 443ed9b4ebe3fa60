using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHire.Providers;
using SyncHire.Providers.Pipeline;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>"Providers:Pipeline" as an operator writes it: bound, defaulted, and refused at start-up when wrong.</summary>
public sealed class PipelineConfigurationTests
{
    [Fact]
    public void The_section_is_bound_with_the_documented_defaults()
    {
        using var services = Build(new() { ["Providers:Pipeline:ApiKey"] = "sk-test", ["Providers:Pipeline:Endpoint"] = "http://127.0.0.1:8090/v1" });

        var provider = Assert.Single(services.GetServices<IRealtimeProvider>());
        Assert.Equal("pipeline", provider.Name);
        Assert.True(provider.IsConfigured);
        var options = services.GetRequiredService<IOptions<PipelineProviderOptions>>().Value;
        Assert.Equal(
            (new Uri("http://127.0.0.1:8090/v1"), "whisper-1", "gpt-4o-mini", "tts-1", "alloy", 150),
            (options.Endpoint, options.TranscriptionModel, options.ChatModel, options.SpeechModel, options.Voice, options.MaxTokens));
    }

    [Fact]
    public void Settings_it_cannot_run_with_are_refused_by_name()
    {
        using var services = Build(new() { ["Providers:Pipeline:MaxTokens"] = "0", ["Providers:Pipeline:Voice"] = " " });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineProviderOptions>>().Value);
        Assert.Contains("Providers:Pipeline:MaxTokens", failure.Message);
        Assert.Contains("Providers:Pipeline:Voice", failure.Message);
    }

    [Fact]
    public async Task Without_a_key_the_provider_is_unconfigured_and_says_which_setting_is_missing()
    {
        var options = new PipelineProviderOptions { ApiKey = null };
        if (options.ResolveApiKey() is not null)
        {
            // OPENAI_API_KEY is set on this machine, so "no key" cannot be arranged; the fallback itself is what we see.
            Assert.True(new PipelineProvider(Options.Create(options)).IsConfigured);
            return;
        }

        var provider = new PipelineProvider(Options.Create(options));
        Assert.False(provider.IsConfigured);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.ConnectAsync(
            new RealtimeSessionOptions("instructions", new InterviewBrief("Ada", "Engineer", "intermediate", 1), [], []),
            TestContext.Current.CancellationToken));
        Assert.Contains("Providers:Pipeline:ApiKey", failure.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPipelineProvider().BuildServiceProvider();
    }
}
