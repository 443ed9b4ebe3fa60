using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHire.Emulators.Shared;
using SyncHire.Grains;
using SyncHire.Grains.Interfaces;
using SyncHire.Runtime.Testing;

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

    public static Task<TestCluster> StartAsync(EmulatorServer emulators, IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(emulators, extra)).Build();
        return TestCluster.StartAsync(new TestClusterOptions
        {
            SiloCount = 1,
            Time = time,
            ConfigureSilo = services => services.AddInterviewGrains(configuration),
        });
    }

    public static async Task<string> CreateInterviewAsync(TestCluster cluster, string provider)
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
    public static async Task<IReadOnlyList<int>> StoredAnswerIndexesAsync(TestCluster cluster, string id)
    {
        var stored = await cluster.Storage.ReadStateAsync($"interview/{id}", CancellationToken.None);
        using var state = JsonDocument.Parse(stored.Json!);
        return [.. state.RootElement.GetProperty("answers").EnumerateArray()
            .Select(a => int.Parse(a.GetProperty("questionId").GetString()!.AsSpan(1)) - 1)
            .Order()];
    }
}
