using SyncHire.Grains.Usage;
using SyncHire.Providers;
using SyncHire.Platform.Usage;
using Xunit;

namespace SyncHire.Grains.Tests.Metering;

public sealed class InterviewUsageMeterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000);

    [Fact]
    public void Tokens_become_records_per_model_and_what_is_counted_while_recording_is_kept_for_the_next_flush()
    {
        var meter = new InterviewUsageMeter();
        meter.CountTokens(new TokenUsage(Input: 100, Output: 40, OutputAudio: 30) { Model = "gpt-realtime" });
        meter.CountTokens(new TokenUsage(Input: 50, Output: 10) { Model = "gpt-realtime" });
        meter.CountTokens(new TokenUsage(Input: 7, Output: 3) { Model = "gpt-4o-mini" });
        meter.CountTokens(new TokenUsage(Input: 5, Output: -2));

        var first = meter.ToRecords("iv-1", "acme", At);
        meter.CountTokens(new TokenUsage(Input: 1, Output: 1) { Model = "gpt-realtime" }); // Between the flush and its reset.
        meter.Reset();

        Assert.Equivalent(new[]
        {
            new UsageRecord("iv-1", "acme", UsageKinds.InputTokens, 150, At, "gpt-realtime"),
            new UsageRecord("iv-1", "acme", UsageKinds.OutputTokens, 50, At, "gpt-realtime"),
            new UsageRecord("iv-1", "acme", UsageKinds.OutputAudioTokens, 30, At, "gpt-realtime"),
            new UsageRecord("iv-1", "acme", UsageKinds.InputTokens, 7, At, "gpt-4o-mini"),
            new UsageRecord("iv-1", "acme", UsageKinds.OutputTokens, 3, At, "gpt-4o-mini"),
            new UsageRecord("iv-1", "acme", UsageKinds.InputTokens, 5, At),
        }, first, strict: true);
        Assert.False(meter.IsEmpty);
        Assert.Equivalent(new[]
        {
            new UsageRecord("iv-1", "acme", UsageKinds.InputTokens, 1, At, "gpt-realtime"),
            new UsageRecord("iv-1", "acme", UsageKinds.OutputTokens, 1, At, "gpt-realtime"),
        }, meter.ToRecords("iv-1", "acme", At), strict: true);
        meter.Reset();
        Assert.True(meter.IsEmpty);
    }
}
