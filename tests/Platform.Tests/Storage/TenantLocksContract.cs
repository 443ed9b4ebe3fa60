using SyncHire.Platform.Interviews;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's TenantLocks behaviour, run on every engine (see the classes at the end).</summary>
public abstract class TenantLocksContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    [Fact]
    public async Task A_tenant_lock_lets_processes_racing_to_count_then_insert_take_only_the_free_slots()
    {
        const int slots = 3;
        await NewStoreAsync();

        // Each contender is a separate process's store: count the open interviews, add one if under the quota.
        var added = await RaceAsync(12, async (store, index) =>
        {
            await using var held = await store.LockTenantAsync("acme", "interview-quota", Ct);
            var open = await store.ListInterviewsAsync("acme", new InterviewQuery(Status: "created"), Ct);
            if (open.Items.Count >= slots)
            {
                return false;
            }

            await store.UpsertInterviewAsync(Interview($"iv-{index}", "acme", T0.AddSeconds(index)), Ct);
            return true;
        });

        Assert.Equal(slots, added.Count(ok => ok));
        Assert.Equal(slots, await ScalarAsync("SELECT COUNT(*) FROM platform_interviews WHERE tenant_id = 'acme'"));
    }

    [Fact]
    public async Task A_tenant_lock_holds_nothing_up_for_another_tenant_or_purpose_and_is_free_again_once_released()
    {
        var first = await NewStoreAsync();
        var second = await NewStoreAsync(initialize: false);

        await using (await first.LockTenantAsync("acme", "interview-quota", Ct))
        {
            // Each of these would wait for ever if the lock were wider than one tenant and purpose.
            await (await second.LockTenantAsync("globex", "interview-quota", Ct)).DisposeAsync();
            await (await second.LockTenantAsync("acme", "another-purpose", Ct)).DisposeAsync();
        }

        await (await second.LockTenantAsync("acme", "interview-quota", Ct)).DisposeAsync();
    }

    [Fact]
    public async Task Counting_a_tenants_interviews_by_status_stops_at_the_limit_and_sees_only_that_tenant()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.UpsertInterviewAsync(Interview($"open-{i}", "acme", T0.AddSeconds(i), status: i % 2 == 0 ? "created" : "in_progress"), Ct);
        }

        await store.UpsertInterviewAsync(Interview("done", "acme", T0, status: "completed"), Ct);
        await store.UpsertInterviewAsync(Interview("theirs", "globex", T0), Ct);

        Assert.Equal(5, await store.CountInterviewsAsync("acme", ["created", "in_progress"], atMost: 100, Ct));
        Assert.Equal(3, await store.CountInterviewsAsync("acme", ["created", "in_progress"], atMost: 3, Ct));
        Assert.Equal(1, await store.CountInterviewsAsync("acme", ["completed"], atMost: 100, Ct));
        Assert.Equal(1, await store.CountInterviewsAsync("globex", ["created", "in_progress"], atMost: 100, Ct));
        Assert.Equal(0, await store.CountInterviewsAsync("initech", ["created"], atMost: 100, Ct));
    }
}

public sealed class TenantLocksOnSqlite : TenantLocksContract<SqliteEngine>;

public sealed class TenantLocksOnPostgres : TenantLocksContract<PostgresEngine>;
