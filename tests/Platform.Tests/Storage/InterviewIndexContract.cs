using SyncHire.Platform.Interviews;
using SyncHire.Platform.Storage.Sql;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's InterviewIndex behaviour, run on every engine (see the classes at the end).</summary>
public abstract class InterviewIndexContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    private static readonly string[] Statuses = ["created", "in_progress", "completed"];

    [Fact]
    public async Task ATenantNeverListsFetchesDeletesOrOverwritesAnotherTenantsInterview()
    {
        var store = await NewStoreAsync();
        var ours = Interview("iv-ours", "acme", T0);
        var theirs = Interview("iv-theirs", "globex", T0.AddMinutes(1), candidate: "Grace Hopper");
        await store.UpsertInterviewAsync(ours, Ct);
        await store.UpsertInterviewAsync(theirs, Ct);

        Assert.Equal(["iv-ours"], (await store.ListInterviewsAsync("acme", new InterviewQuery(), Ct)).Items.Select(e => e.InterviewId));
        Assert.Null(await store.GetInterviewAsync("acme", "iv-theirs", Ct));
        Assert.False(await store.DeleteInterviewAsync("acme", "iv-theirs", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.UpsertInterviewAsync(theirs with { TenantId = "acme", CandidateName = "Hijacked" }, Ct));

        Assert.Equal(theirs, await store.GetInterviewAsync("globex", "iv-theirs", Ct));
        Assert.Equal(ours, await store.GetInterviewAsync("acme", "iv-ours", Ct));
        Assert.Empty((await store.ListInterviewsAsync("initech", new InterviewQuery(), Ct)).Items);
    }

    [Fact]
    public async Task AnUpsertUpdatesTheEntryButKeepsItsCreationTime()
    {
        var store = await NewStoreAsync();
        await store.UpsertInterviewAsync(Interview("iv-1", "acme", T0), Ct);

        var ended = Interview("iv-1", "acme", T0.AddHours(5), status: "completed") with
        {
            StartedAt = T0.AddMinutes(2), EndedAt = T0.AddMinutes(32), EndReason = "candidate_ended",
        };
        await store.UpsertInterviewAsync(ended, Ct);

        Assert.Equal(ended with { CreatedAt = T0 }, await store.GetInterviewAsync("acme", "iv-1", Ct));
        Assert.True(await store.DeleteInterviewAsync("acme", "iv-1", Ct));
        Assert.Null(await store.GetInterviewAsync("acme", "iv-1", Ct));
    }

    [Fact]
    public async Task PagingThrough250InterviewsVisitsEachOnceNewestFirstWhileNewOnesArrive()
    {
        var store = await NewStoreAsync();
        var all = await Seed250Async(store);

        // The first page is read, then a newer interview arrives: the cursor still continues where it left off.
        var first = await store.ListInterviewsAsync("acme", new InterviewQuery(Limit: 100), Ct);
        await store.UpsertInterviewAsync(Interview("iv-newest", "acme", T0.AddDays(30)), Ct);
        var pages = new List<InterviewPage> { first };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Add(await store.ListInterviewsAsync("acme", new InterviewQuery(Cursor: cursor, Limit: 100), Ct));
        }

        Assert.Equal([100, 100, 50], pages.Select(p => p.Items.Count));
        Assert.Equal(NewestFirst(all).Select(e => e.InterviewId), pages.SelectMany(p => p.Items).Select(e => e.InterviewId));
        Assert.Equal(NewestFirst(all), pages.SelectMany(p => p.Items));
    }

    [Fact]
    public async Task FiltersCombineAndPageWithTheirOwnCursor()
    {
        var store = await NewStoreAsync();
        var all = await Seed250Async(store);
        var from = T0.AddMinutes(40);
        var to = T0.AddMinutes(100);

        var collected = new List<InterviewIndexEntry>();
        var query = new InterviewQuery(Status: "completed", CreatedFrom: from, CreatedTo: to, Limit: 7);
        var pageCount = 0;
        while (true)
        {
            var page = await store.ListInterviewsAsync("acme", query, Ct);
            collected.AddRange(page.Items);
            pageCount++;
            if (page.NextCursor is null)
            {
                break;
            }

            query = query with { Cursor = page.NextCursor };
        }

        var expected = NewestFirst(all.Where(e => e.Status == "completed" && e.CreatedAt >= from && e.CreatedAt < to)).ToList();
        Assert.Equal(40, expected.Count);
        Assert.Equal(expected, collected);
        Assert.Equal(6, pageCount);
    }

    [Fact]
    public async Task CandidateNameSearchIgnoresCaseAndTakesWildcardsLiterally()
    {
        var store = await NewStoreAsync();
        string[] names = ["Alice Smith", "ALICIA Keys", "Bob Malice", "100% Bob_x", "Zoë Ångström"];
        for (var i = 0; i < names.Length; i++)
        {
            await store.UpsertInterviewAsync(Interview($"iv-{i}", "acme", T0.AddMinutes(i), candidate: names[i]), Ct);
        }

        async Task<string[]> Search(string text) =>
            [.. (await store.ListInterviewsAsync("acme", new InterviewQuery(CandidateNameContains: text), Ct)).Items.Select(e => e.CandidateName).Order(StringComparer.Ordinal)];

        Assert.Equal(["ALICIA Keys", "Alice Smith", "Bob Malice"], await Search("aLi"));
        Assert.Equal(["100% Bob_x"], await Search("%"));
        Assert.Equal(["100% Bob_x"], await Search("b_x"));
        Assert.Equal(["Zoë Ångström"], await Search("ZOË å"));
        Assert.Empty(await Search("carol"));
    }

    [Fact]
    public async Task ABadPageSizeOrForgedCursorIsRejected()
    {
        var store = await NewStoreAsync();
        await store.UpsertInterviewAsync(Interview("iv-1", "acme", T0), Ct);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListInterviewsAsync("acme", new InterviewQuery(Limit: 0), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListInterviewsAsync("acme", new InterviewQuery(Limit: 101), Ct));
        foreach (var forged in new[] { "not a cursor", "bm90LWEtY3Vyc29y", "" })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ListInterviewsAsync("acme", new InterviewQuery(Cursor: forged), Ct));
            Assert.Equal("cursor", error.ParamName);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertInterviewAsync(Interview("iv-2", "acme", T0, candidate: ""), Ct));
        Assert.Single((await store.ListInterviewsAsync("acme", new InterviewQuery(Limit: 100), Ct)).Items);
    }

    [Fact]
    public async Task RetentionListsInterviewsOfEveryTenantThatEndedBeforeTheCutoffOldestFirst()
    {
        var store = await NewStoreAsync();
        await store.UpsertInterviewAsync(Interview("iv-running", "acme", T0) with { StartedAt = T0 }, Ct);
        await store.UpsertInterviewAsync(Interview("iv-old", "acme", T0) with { EndedAt = T0.AddDays(1) }, Ct);
        await store.UpsertInterviewAsync(Interview("iv-older", "globex", T0) with { EndedAt = T0.AddHours(1) }, Ct);
        await store.UpsertInterviewAsync(Interview("iv-at-cutoff", "acme", T0) with { EndedAt = T0.AddDays(30) }, Ct);
        await store.UpsertInterviewAsync(Interview("iv-recent", "acme", T0) with { EndedAt = T0.AddDays(40) }, Ct);

        var expired = await store.ListEndedBeforeAsync(T0.AddDays(30), limit: 10, Ct);
        var firstOnly = await store.ListEndedBeforeAsync(T0.AddDays(30), limit: 1, Ct);

        Assert.Equal([new("iv-older", "globex", T0.AddHours(1)), new EndedInterview("iv-old", "acme", T0.AddDays(1))], expired);
        Assert.Equal("iv-older", Assert.Single(firstOnly).InterviewId);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListEndedBeforeAsync(T0, 0, Ct));
    }

    /// <summary>
    /// 250 interviews of tenant "acme" (plus 20 of "globex"), created two per minute so pairs share a timestamp and
    /// the id decides their order; statuses rotate, so every third is "completed".
    /// </summary>
    private static async Task<List<InterviewIndexEntry>> Seed250Async(SqlPlatformStore store)
    {
        var entries = Enumerable.Range(0, 250)
            .Select(i => Interview($"iv-{i:D4}", "acme", T0.AddMinutes(i / 2), Statuses[i % 3], $"Candidate {i}"))
            .ToList();
        foreach (var entry in entries)
        {
            await store.UpsertInterviewAsync(entry, Ct);
        }

        for (var i = 0; i < 20; i++)
        {
            await store.UpsertInterviewAsync(Interview($"iv-g{i:D4}", "globex", T0.AddMinutes(i), "completed"), Ct);
        }

        return entries;
    }

    private static IEnumerable<InterviewIndexEntry> NewestFirst(IEnumerable<InterviewIndexEntry> entries) =>
        entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.InterviewId, StringComparer.Ordinal);
}

public sealed class InterviewIndexOnSqlite : InterviewIndexContract<SqliteEngine>;

public sealed class InterviewIndexOnPostgres : InterviewIndexContract<PostgresEngine>;
