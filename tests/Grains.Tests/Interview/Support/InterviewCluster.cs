using Microsoft.Extensions.DependencyInjection;
using SyncHire.Audio.Speech;
using SyncHire.Grains.Interfaces;
using SyncHire.Providers.Offline;
using SyncHire.Providers;
using SyncHire.Testing;

namespace SyncHire.Grains.Tests.Interview.Support;

/// <summary>A real single-silo cluster on a temporary SQLite file, hosting interviews with the offline interviewer.</summary>
internal static class InterviewCluster
{
    /// <param name="extraProvider">A further provider plugin, for tests that script the interviewer.</param>
    public static Task<SyncHireTestCluster> StartAsync(TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null,
        IRealtimeProvider? extraProvider = null)
    {
        var options = new SyncHireTestClusterOptions
        {
            Time = time,
            ConfigureServices = (services, configuration) =>
            {
                // The synthetic voice is exact and instant; espeak-ng would make audio depend on the machine.
                services.AddSingleton<ITextToSpeech>(new SyntheticVoice());
                services.AddInterviewGrains(configuration);
                services.AddOfflineInterviewer();
                if (extraProvider is not null)
                {
                    services.AddSingleton(extraProvider);
                }
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Configuration[key] = value;
        }

        return SyncHireTestCluster.StartAsync(options);
    }

    public static readonly IReadOnlyList<string> TwoQuestions =
    [
        "Tell me about a system you designed.",
        "How do you test code that talks to a database?",
    ];

    public static InterviewDefinition Definition(IReadOnlyList<string>? questions = null, int maxDurationMinutes = 30) => new()
    {
        CandidateName = "Ada Lovelace",
        JobTitle = "Backend Engineer",
        Level = InterviewLevel.Intermediate,
        Questions = questions ?? TwoQuestions,
        MaxDurationMinutes = maxDurationMinutes,
    };

    public static async Task<(string Id, IInterviewGrain Grain)> CreateAsync(SyncHireTestCluster cluster, InterviewDefinition? definition = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var grain = cluster.GrainFactory.GetGrain<IInterviewGrain>(id);
        await grain.Create(definition ?? Definition());
        return (id, grain);
    }
}
