using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public abstract partial class ClusterStorageContract
{
    [Fact]
    public async Task UpsertedRemindersAreReadBackAndReplaced()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertReminderAsync("interview/1", "time-cap", dueAtMs: 3_600_000, periodMs: 0, Ct);
        await storage.UpsertReminderAsync("interview/1", "webhook", dueAtMs: 10_000, periodMs: 5_000, Ct);
        await storage.UpsertReminderAsync("interview/2", "time-cap", dueAtMs: 7_000, periodMs: 0, Ct);
        var before = await storage.ReadRemindersAsync("interview/1", Ct);

        await storage.UpsertReminderAsync("interview/1", "webhook", dueAtMs: 20_000, periodMs: 1_000, Ct);

        var after = await storage.ReadRemindersAsync("interview/1", Ct);
        Assert.Equal(["time-cap", "webhook"], after.Select(r => r.Name));
        Assert.Equal(("interview/1", 3_600_000L, 3_600_000L, 0L), (after[0].GrainId, after[0].FirstDueAtMs, after[0].DueAtMs, after[0].PeriodMs));
        Assert.Equal((20_000L, 20_000L, 1_000L), (after[1].FirstDueAtMs, after[1].DueAtMs, after[1].PeriodMs));
        Assert.Equal(before[0].ETag, after[0].ETag);
        Assert.NotEqual(before[1].ETag, after[1].ETag);
    }

    [Fact]
    public async Task DueRemindersComeOldestFirstUpToTheLimit()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertReminderAsync("interview/late", "r", dueAtMs: 3_000, periodMs: 0, Ct);
        await storage.UpsertReminderAsync("interview/early", "r", dueAtMs: 1_000, periodMs: 0, Ct);
        await storage.UpsertReminderAsync("interview/middle", "r", dueAtMs: 2_000, periodMs: 0, Ct);
        await storage.UpsertReminderAsync("interview/future", "r", dueAtMs: 9_000, periodMs: 0, Ct);

        var due = await storage.ReadDueRemindersAsync(nowMs: 3_000, limit: 10, Ct);
        var limited = await storage.ReadDueRemindersAsync(nowMs: 3_000, limit: 2, Ct);

        Assert.Equal(["interview/early", "interview/middle", "interview/late"], due.Select(r => r.GrainId));
        Assert.Equal(["interview/early", "interview/middle"], limited.Select(r => r.GrainId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.ReadDueRemindersAsync(3_000, 0, Ct));
    }

    [Fact]
    public async Task OfTwoSilosClaimingADueReminderExactlyOneWins()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertReminderAsync("interview/1", "time-cap", dueAtMs: 1_000, periodMs: 0, Ct);
        var due = Assert.Single(await storage.ReadDueRemindersAsync(nowMs: 1_000, limit: 10, Ct));

        var claims = await RaceAsync(2, (contender, i) =>
            contender.TryUpdateReminderDueAsync(due.GrainId, due.Name, due.ETag, newDueAtMs: 31_000 + i, Ct));

        var winner = Assert.Single(Enumerable.Range(0, 2), i => claims[i]);
        var claimed = Assert.Single(await storage.ReadRemindersAsync("interview/1", Ct));
        Assert.Equal(31_000 + winner, claimed.DueAtMs);
        Assert.NotEqual(due.ETag, claimed.ETag);
        Assert.Empty(await storage.ReadDueRemindersAsync(nowMs: 1_000, limit: 10, Ct));
    }

    [Fact]
    public async Task AOneShotReminderIsDeletedOnlyUnderItsCurrentETag()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertReminderAsync("interview/1", "time-cap", dueAtMs: 1_000, periodMs: 0, Ct);
        var read = Assert.Single(await storage.ReadRemindersAsync("interview/1", Ct));
        Assert.True(await storage.TryUpdateReminderDueAsync("interview/1", "time-cap", read.ETag, 2_000, Ct));

        Assert.False(await storage.TryDeleteReminderAsync("interview/1", "time-cap", read.ETag, Ct));
        var claimed = Assert.Single(await storage.ReadRemindersAsync("interview/1", Ct));

        Assert.True(await storage.TryDeleteReminderAsync("interview/1", "time-cap", claimed.ETag, Ct));
        Assert.Empty(await storage.ReadRemindersAsync("interview/1", Ct));
        Assert.False(await storage.TryUpdateReminderDueAsync("interview/1", "time-cap", claimed.ETag, 3_000, Ct));
    }

    [Fact]
    public async Task DeletingAReminderRemovesOnlyThatOne()
    {
        var storage = await NewStorageAsync();
        await storage.UpsertReminderAsync("interview/1", "time-cap", dueAtMs: 1_000, periodMs: 0, Ct);
        await storage.UpsertReminderAsync("interview/1", "webhook", dueAtMs: 1_000, periodMs: 500, Ct);

        await storage.DeleteReminderAsync("interview/1", "time-cap", Ct);
        await storage.DeleteReminderAsync("interview/1", "never-existed", Ct);

        Assert.Equal("webhook", Assert.Single(await storage.ReadRemindersAsync("interview/1", Ct)).Name);
    }

    [Fact]
    public async Task InvalidReminderInputIsRejectedWithoutWriting()
    {
        var storage = await NewStorageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.UpsertReminderAsync("interview/1", "r", 1_000, -1, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.UpsertReminderAsync("interview/1", "", 1_000, 0, Ct));

        Assert.Empty(await storage.ReadRemindersAsync("interview/1", Ct));
    }
}
