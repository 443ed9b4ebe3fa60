using SyncHire.Platform.Usage;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's UsageLedger behaviour, run on every engine (see the classes at the end).</summary>
public abstract class UsageLedgerContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    [Fact]
    public async Task UsageIsSummedPerKindWithinTheTenantAndHalfOpenPeriod()
    {
        var store = await NewStoreAsync();
        var from = T0;
        var to = T0.AddDays(31);
        await store.RecordUsageAsync(
        [
            new("iv-1", "acme", UsageKinds.AudioInSeconds, 12.5, from),
            new("iv-1", "acme", UsageKinds.AudioInSeconds, 30.25, T0.AddDays(3)),
            new("iv-2", "acme", UsageKinds.AudioInSeconds, 7, to - TimeSpan.FromMilliseconds(1)),
            new("iv-1", "acme", UsageKinds.InputTokens, 1_200, T0.AddHours(1)),
            new("iv-1", "acme", UsageKinds.CachedTokens, 300, T0.AddHours(1)),
            new("iv-3", "acme", UsageKinds.AudioInSeconds, 1_000, to),
            new("iv-0", "acme", UsageKinds.AudioInSeconds, 1_000, from - TimeSpan.FromMilliseconds(1)),
            new("iv-9", "globex", UsageKinds.AudioInSeconds, 5_000, T0.AddDays(1)),
        ], Ct);

        Assert.Equal(
            [new(UsageKinds.AudioInSeconds, 49.75), new(UsageKinds.CachedTokens, 300), new UsageTotal(UsageKinds.InputTokens, 1_200)],
            await store.SumUsageAsync("acme", from, to, Ct));
        Assert.Equal([new UsageTotal(UsageKinds.AudioInSeconds, 5_000)], await store.SumUsageAsync("globex", from, to, Ct));
        Assert.Empty(await store.SumUsageAsync("acme", to.AddDays(1), to.AddDays(2), Ct));
    }

    [Fact]
    public async Task TokensAreSummedPerKindOverEveryModelAndAlsoPerModel()
    {
        var store = await NewStoreAsync();
        await store.RecordUsageAsync(
        [
            new("iv-1", "acme", UsageKinds.InputTokens, 1_000, T0, "gpt-realtime"),
            new("iv-2", "acme", UsageKinds.InputTokens, 500, T0.AddHours(1), "gpt-realtime"),
            new("iv-1", "acme", UsageKinds.InputTokens, 40, T0, "gpt-4o-mini-transcribe"),
            new("iv-1", "acme", UsageKinds.OutputTokens, 300, T0, "gpt-4o-mini"),
            new("iv-1", "acme", UsageKinds.AudioInSeconds, 60, T0),
            new("iv-9", "globex", UsageKinds.InputTokens, 9_999, T0, "gpt-realtime"),
        ], Ct);

        Assert.Equal(
            [new(UsageKinds.AudioInSeconds, 60), new(UsageKinds.InputTokens, 1_540), new UsageTotal(UsageKinds.OutputTokens, 300)],
            await store.SumUsageAsync("acme", T0, T0.AddDays(1), Ct));
        Assert.Equal(
        [
            new(UsageKinds.InputTokens, 40, "gpt-4o-mini-transcribe"),
            new(UsageKinds.InputTokens, 1_500, "gpt-realtime"),
            new UsageTotal(UsageKinds.OutputTokens, 300, "gpt-4o-mini"),
        ], await store.SumUsageByModelAsync("acme", T0, T0.AddDays(1), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.RecordUsageAsync([new("iv-1", "acme", UsageKinds.InputTokens, 1, T0, "")], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.RecordUsageAsync([new("iv-1", "acme", UsageKinds.InputTokens, 1, T0, new string('m', UsageRecord.MaxModelLength + 1))], Ct));
    }

    [Fact]
    public async Task ABatchWithAnInvalidRecordWritesNothing()
    {
        var store = await NewStoreAsync();
        UsageRecord valid = new("iv-1", "acme", UsageKinds.OutputTokens, 10, T0);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.RecordUsageAsync([valid, valid with { Amount = double.NaN }], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.RecordUsageAsync([valid, valid with { Amount = -1 }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordUsageAsync([valid, valid with { Kind = "Output Tokens" }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SumUsageAsync("acme", T0.AddDays(1), T0, Ct));

        Assert.Empty(await store.SumUsageAsync("acme", T0, T0.AddDays(1), Ct));
    }

    [Fact]
    public async Task ErasingAnInterviewsUsageLeavesTheOthers()
    {
        var store = await NewStoreAsync();
        await store.RecordUsageAsync(
        [
            new("iv-1", "acme", UsageKinds.AudioOutSeconds, 60, T0),
            new("iv-1", "acme", UsageKinds.OutputTokens, 500, T0),
            new("iv-2", "acme", UsageKinds.AudioOutSeconds, 15, T0),
        ], Ct);

        Assert.Equal(0, await store.DeleteUsageAsync("globex", "iv-1", Ct));
        Assert.Equal(2, await store.DeleteUsageAsync("acme", "iv-1", Ct));

        Assert.Equal([new UsageTotal(UsageKinds.AudioOutSeconds, 15)], await store.SumUsageAsync("acme", T0, T0.AddDays(1), Ct));
    }
}

public sealed class UsageLedgerOnSqlite : UsageLedgerContract<SqliteEngine>;

public sealed class UsageLedgerOnPostgres : UsageLedgerContract<PostgresEngine>;
