using Microsoft.Extensions.DependencyInjection;
using SyncHire.Emulators.Shared;
using SyncHire.Grains;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using SyncHire.Providers.Gemini;
using SyncHire.Providers.Offline;
using SyncHire.Providers.OpenAI;
using SyncHire.Providers.Pipeline;
using SyncHire.Testing;

namespace SyncHire.Providers.Tests.EndToEnd;

/// <summary>A single-silo cluster whose providers are configured against the local emulators.</summary>
internal static class ProviderCluster
{
    /// <summary>The tenant the interviews belong to: their usage is recorded in the ledger under it.</summary>
    public const string Tenant = "acme";

    public static readonly IReadOnlyList<string> Questions =
    [
        "Tell me about a system you designed.",
        "How do you test code that talks to a database?",
    ];

    /// <summary>Provider settings as an operator would write them, pointed at the emulators.</summary>
    public static Dictionary<string, string?> Settings(EmulatorServer emulators, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var http = emulators.BaseAddress.ToString().TrimEnd('/');
        var ws = emulators.WebSocketAddress("").ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>
        {
            ["Providers:OpenAI:ApiKey"] = emulators.Options.ApiKey,
            ["Providers:OpenAI:Endpoint"] = $"{http}/v1",
            ["Providers:Gemini:ApiKey"] = emulators.Options.ApiKey,
            ["Providers:Gemini:Endpoint"] = ws,
            ["Providers:Pipeline:ApiKey"] = emulators.Options.ApiKey,
            ["Providers:Pipeline:Endpoint"] = $"{http}/v1",
            ["Interviews:ProviderReconnectDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<SyncHireTestCluster> StartAsync(EmulatorServer emulators, IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var options = new SyncHireTestClusterOptions
        {
            Time = time,
            ConfigureServices = (services, configuration) => services
                .AddInterviewGrains(configuration)
                .AddOfflineInterviewer()
                .AddOpenAIRealtimeProvider()
                .AddGeminiLiveProvider()
                .AddPipelineProvider(),
        };
        foreach (var (key, value) in Settings(emulators, extra))
        {
            options.Configuration[key] = value;
        }

        return SyncHireTestCluster.StartAsync(options);
    }

    public static async Task<string> CreateInterviewAsync(SyncHireTestCluster cluster, string provider)
    {
        var id = Guid.NewGuid().ToString("N");
        await cluster.GrainFactory.GetGrain<IInterviewGrain>(id).Create(new InterviewDefinition
        {
            CandidateName = "Ada Lovelace",
            JobTitle = "Backend Engineer",
            Questions = Questions,
            Provider = provider,
            TenantId = Tenant,
        });
        return id;
    }

    /// <summary>The question indexes of the answers the model stored through store_answer, as persisted.</summary>
    public static async Task<IReadOnlyList<int>> StoredAnswerIndexesAsync(SyncHireTestCluster cluster, string id)
    {
        var progress = await cluster.ReadStateAsync<ConversationProgressState>(cluster.GrainFactory.GetGrain<IInterviewGrain>(id).GetGrainId(), "progress");
        var state = new InterviewState { Questions = Questions, Answers = progress!.Answers };
        return [.. state.Answers.Select(a => state.QuestionIndexOf(a.QuestionId)!.Value).Order()];
    }
}
