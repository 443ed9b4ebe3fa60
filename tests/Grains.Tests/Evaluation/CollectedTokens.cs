using SyncHire.Grains.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Tests.Evaluation;

/// <summary>Keeps every token report an evaluator makes, in order.</summary>
internal sealed class CollectedTokens : ITokenUsageSink
{
    private readonly List<TokenUsage> _reports = [];

    public IReadOnlyList<TokenUsage> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void CountTokens(TokenUsage usage)
    {
        lock (_reports)
        {
            _reports.Add(usage);
        }
    }
}
