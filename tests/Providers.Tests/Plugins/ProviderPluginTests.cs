using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHire.Audio.Speech;
using SyncHire.Grains;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.Offline;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Pipeline;
using SyncHire.TestSupport.Candidates;
using SyncHire.Testing;
using SyncHire.Testing.Candidates;

namespace SyncHire.Providers.Tests.Plugins;

/// <summary>
/// Providers are plugins: each registers itself under the name it declares, and one the product has never heard of
/// (<see cref="EchoProvider"/>, defined only in this test project) runs an interview with no change to core code.
/// </summary>
public sealed class ProviderPluginTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> plugins)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<ITextToSpeech>(new SyntheticVoice());
        plugins(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_product_s_plugins_register_under_their_own_names_and_the_offline_one_is_the_default()
    {
        using var services = Build([], s => s.AddOfflineInterviewer().AddOpenAIRealtimeProvider().AddGeminiLiveProvider().AddPipelineProvider());
        services.GetRequiredService<IStartupValidator>().Validate();

        var registry = services.GetRequiredService<ProviderRegistry>();

        Assert.Equal(["gemini", "offline", "openai", "pipeline"], registry.Names);
        Assert.Equal("offline", registry.DefaultName);
    }

    [Fact]
    public void A_plugin_added_with_the_generic_extension_is_selected_by_name()
    {
        using var services = Build(
            new() { ["Interviews:DefaultProvider"] = EchoProvider.ProviderName },
            s => s.AddOfflineInterviewer().AddRealtimeProvider<EchoProvider>());
        services.GetRequiredService<IStartupValidator>().Validate();

        var registry = services.GetRequiredService<ProviderRegistry>();

        Assert.Contains(EchoProvider.ProviderName, registry.Names);
        Assert.IsType<EchoProvider>(registry.Resolve(EchoProvider.ProviderName));
        Assert.IsType<EchoProvider>(registry.Resolve(null));
    }

    [Fact]
    public async Task An_interview_runs_through_a_plugin_the_core_does_not_know()
    {
        await using var cluster = await SyncHireTestCluster.StartAsync(new SyncHireTestClusterOptions
        {
            // No offline interviewer: the echo plugin is the only provider, and the configured default.
            ConfigureServices = (services, configuration) => services
                .AddInterviewGrains(configuration)
                .AddRealtimeProvider<EchoProvider>(),
            Configuration = { ["Interviews:DefaultProvider"] = EchoProvider.ProviderName },
        });
        var id = Guid.NewGuid().ToString("N");
        await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).Create(new InterviewDefinition
        {
            CandidateName = "Ada Lovelace",
            JobTitle = "Backend Engineer",
            Questions = ["Tell me about a system you designed."],
            Provider = EchoProvider.ProviderName,
        });
        await using var candidate = await CandidateClient.ConnectAsync(cluster, id);

        await candidate.StartInterviewAsync();
        Assert.Equal(EchoSession.Greeting("Ada Lovelace"), await SpokenAsync(candidate));

        await candidate.SendAudioAsync(new byte[640]);
        await candidate.CommitTurnAsync();
        Assert.Equal("I heard 640 bytes of audio.", await SpokenAsync(candidate));

        await candidate.EndInterviewAsync();
        await candidate.WaitForAsync("interview_ended");
        var snapshot = (await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetSnapshot())!;
        Assert.Equal([EchoSession.Greeting("Ada Lovelace"), "I heard 640 bytes of audio."],
            snapshot.Transcript.Where(t => t.Speaker == Speakers.Interviewer).Select(t => t.Text));
    }

    private static async Task<string> SpokenAsync(CandidateClient candidate) =>
        (await candidate.WaitForAsync("ai_response_complete")).GetProperty("text").GetString()!;
}
