using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using SyncHire.OrleansStorage.Tests.Support;
using Xunit;

namespace SyncHire.OrleansStorage.Tests;

/// <summary>The IReminderTable contract on a real SQLite file, as Orleans' reminder service relies on it.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private SqliteReminderTable _table = null!;

    public async ValueTask InitializeAsync()
    {
        await OrleansDatabaseSchema.MigrateAsync(_file.Options, NullLogger.Instance, TestContext.Current.CancellationToken);
        _table = new SqliteReminderTable(_file.ConnectionString, "service-a");
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task An_upserted_row_reads_back_exactly_with_its_etag()
    {
        var entry = Entry(Grain("a"), "r1", new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567), TimeSpan.FromMilliseconds(90_500));

        var etag = await _table.UpsertRow(entry);

        var read = await _table.ReadRow(entry.GrainId, "r1");
        Assert.NotNull(read);
        Assert.NotNull(etag);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal("r1", read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task A_start_time_of_unspecified_kind_is_taken_as_utc()
    {
        var start = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        await _table.UpsertRow(Entry(Grain("a"), "r1", start, TimeSpan.FromMinutes(1)));

        var read = await _table.ReadRow(Grain("a"), "r1");

        Assert.Equal(DateTime.SpecifyKind(start, DateTimeKind.Utc), read!.StartAt);
    }

    [Fact]
    public async Task A_missing_row_reads_as_null()
    {
        Assert.Null(await _table.ReadRow(Grain("nobody"), "r1"));
        Assert.Empty((await _table.ReadRows(Grain("nobody"))).Reminders);
    }

    [Fact]
    public async Task Upserting_again_replaces_the_row_and_its_etag()
    {
        var grain = Grain("a");
        var first = await _table.UpsertRow(Entry(grain, "r1", Utc(1), TimeSpan.FromMinutes(1)));

        var second = await _table.UpsertRow(Entry(grain, "r1", Utc(2), TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        var read = await _table.ReadRow(grain, "r1");
        Assert.Equal(Utc(2), read!.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(2), read.Period);
        Assert.Equal(second, read.ETag);
        Assert.Single((await _table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_fails_and_keeps_the_row()
    {
        var grain = Grain("a");
        var stale = await _table.UpsertRow(Entry(grain, "r1", Utc(1), TimeSpan.FromMinutes(1)));
        var current = await _table.UpsertRow(Entry(grain, "r1", Utc(1), TimeSpan.FromMinutes(1)));

        Assert.False(await _table.RemoveRow(grain, "r1", stale!));
        Assert.NotNull(await _table.ReadRow(grain, "r1"));

        Assert.True(await _table.RemoveRow(grain, "r1", current!));
        Assert.Null(await _table.ReadRow(grain, "r1"));
        Assert.False(await _table.RemoveRow(grain, "r1", current!));
    }

    [Fact]
    public async Task An_etag_from_before_a_delete_does_not_match_the_row_inserted_again()
    {
        var grain = Grain("a");
        var before = await _table.UpsertRow(Entry(grain, "r1", Utc(1), TimeSpan.FromMinutes(1)));
        Assert.True(await _table.RemoveRow(grain, "r1", before!));
        await _table.UpsertRow(Entry(grain, "r1", Utc(1), TimeSpan.FromMinutes(1)));

        Assert.False(await _table.RemoveRow(grain, "r1", before!));
    }

    [Fact]
    public async Task Rows_of_a_grain_are_only_that_grains()
    {
        await _table.UpsertRow(Entry(Grain("a"), "r1", Utc(1), TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(Grain("a"), "r2", Utc(1), TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(Grain("b"), "r1", Utc(1), TimeSpan.FromMinutes(1)));

        var rows = (await _table.ReadRows(Grain("a"))).Reminders;

        Assert.Equal(["r1", "r2"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(Grain("a"), r.GrainId));
    }

    [Fact]
    public async Task Range_reads_follow_the_ring_including_the_wrap_around()
    {
        // Grains spread over the ring; a test that never saw a hash above int.MaxValue would miss a sign error.
        var grains = Enumerable.Range(0, 64).Select(i => Grain($"ring-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "r", Utc(1), TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        Assert.Contains(hashes, h => h > int.MaxValue);
        Assert.Contains(hashes, h => h <= int.MaxValue);

        uint[][] ranges =
        [
            [hashes[10], hashes[30]],        // (begin, end]: the row at begin is out, the row at end is in
            [hashes[0] - 1, hashes[^1]],     // everything, without wrapping
            [(uint)int.MaxValue - 1, (uint)int.MaxValue + 1000u], // across the signed boundary
            [hashes[50], hashes[5]],         // wraps: above begin, or at most end
            [hashes[^1], hashes[0]],         // wraps with nothing in between but the ends
            [hashes[20], hashes[20]],        // begin == end: the whole ring
            [0, uint.MaxValue],
            [uint.MaxValue, 0],
        ];

        foreach (var range in ranges)
        {
            var (begin, end) = (range[0], range[1]);
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToArray();
            var actual = (await _table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order().ToArray();
            Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]: expected {expected.Length} rows, got {actual.Length}");
        }
    }

    [Fact]
    public async Task Another_service_id_sees_and_clears_only_its_own_rows()
    {
        var other = new SqliteReminderTable(_file.ConnectionString, "service-b");
        await _table.UpsertRow(Entry(Grain("a"), "r1", Utc(1), TimeSpan.FromMinutes(1)));
        await other.UpsertRow(Entry(Grain("a"), "r1", Utc(1), TimeSpan.FromMinutes(1)));

        await other.TestOnlyClearTable();

        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
        Assert.Single((await _table.ReadRows(0, 0)).Reminders);
        await _table.TestOnlyClearTable();
        Assert.Empty((await _table.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task Concurrent_upserts_all_land()
    {
        var grains = Enumerable.Range(0, 32).Select(i => Grain($"concurrent-{i}")).ToArray();

        var etags = await Task.WhenAll(grains.Select(g => Task.Run(() => _table.UpsertRow(Entry(g, "r", Utc(1), TimeSpan.FromMinutes(1))))));

        Assert.Equal(grains.Length, etags.Distinct().Count());
        Assert.Equal(grains.Length, (await _table.ReadRows(0, 0)).Reminders.Count);
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId Grain(string key) => GrainId.Create("reminder-test", key);

    private static DateTime Utc(int minute) => new(2026, 1, 1, 0, minute, 0, DateTimeKind.Utc);

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}
