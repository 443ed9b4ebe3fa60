using SyncHire.Platform.Security;
using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's TenantDirectory behaviour, run on every engine (see the classes at the end).</summary>
public abstract class TenantDirectoryContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    [Fact]
    public async Task AnIssuedKeyFindsItsTenantAndOnlyItsHashIsStored()
    {
        var store = await NewStoreAsync();
        await store.CreateTenantAsync("acme", "Acme Hiring", Ct);

        var issued = await store.IssueApiKeyAsync("acme", "production", Ct);

        Assert.Matches("^shk_[A-Za-z0-9_-]{32}$", issued.PlaintextKey);
        Assert.Equal(issued.PlaintextKey[..12], issued.VisiblePrefix);
        Assert.Equal(new("acme", "Acme Hiring", issued.KeyId), await store.FindByApiKeyAsync(issued.PlaintextKey, Ct));

        var stored = await DumpTableAsync("platform_api_keys");
        Assert.DoesNotContain(issued.PlaintextKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.PlaintextKey[12..], stored, StringComparison.Ordinal);
        Assert.Contains(SecretTokens.Hash(issued.PlaintextKey), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKeyNoLongerAuthenticatesWhileTheTenantsOtherKeysDo()
    {
        var store = await NewStoreAsync();
        await store.CreateTenantAsync("acme", "Acme", Ct);
        await store.CreateTenantAsync("globex", "Globex", Ct);
        var old = await store.IssueApiKeyAsync("acme", "old", Ct);
        var current = await store.IssueApiKeyAsync("acme", "current", Ct);

        Assert.False(await store.RevokeApiKeyAsync("globex", old.KeyId, T0, Ct));
        Assert.NotNull(await store.FindByApiKeyAsync(old.PlaintextKey, Ct));
        Assert.True(await store.RevokeApiKeyAsync("acme", old.KeyId, T0, Ct));
        Assert.False(await store.RevokeApiKeyAsync("acme", old.KeyId, T0.AddDays(1), Ct));

        Assert.Null(await store.FindByApiKeyAsync(old.PlaintextKey, Ct));
        Assert.Equal(current.KeyId, (await store.FindByApiKeyAsync(current.PlaintextKey, Ct))?.KeyId);
        var keys = await store.ListApiKeysAsync("acme", Ct);
        Assert.Equal(
            [(old.KeyId, "old", old.VisiblePrefix, (DateTimeOffset?)T0), (current.KeyId, "current", current.VisiblePrefix, null)],
            keys.OrderBy(k => k.Name == "current").Select(k => (k.KeyId, k.Name, k.VisiblePrefix, k.RevokedAt)));
        Assert.Empty(await store.ListApiKeysAsync("globex", Ct));
    }

    [Fact]
    public async Task UnknownAlteredOrOversizedKeysFindNoTenant()
    {
        var store = await NewStoreAsync();
        await store.CreateTenantAsync("acme", "Acme", Ct);
        var issued = await store.IssueApiKeyAsync("acme", "production", Ct);
        var altered = issued.PlaintextKey[..^1] + (issued.PlaintextKey[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await store.FindByApiKeyAsync(null, Ct));
        Assert.Null(await store.FindByApiKeyAsync("", Ct));
        Assert.Null(await store.FindByApiKeyAsync(altered, Ct));
        Assert.Null(await store.FindByApiKeyAsync(issued.VisiblePrefix, Ct));
        Assert.Null(await store.FindByApiKeyAsync(issued.PlaintextKey + new string('x', 10_000), Ct));
    }

    [Fact]
    public async Task TenantsAreCreatedOnceAndKeysOnlyForExistingTenants()
    {
        var store = await NewStoreAsync();

        Assert.True(await store.CreateTenantAsync("acme", "Acme", Ct));
        Assert.False(await store.CreateTenantAsync("acme", "Impostor", Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.IssueApiKeyAsync("nobody", "production", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateTenantAsync("bad id/with slash", "Bad", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateTenantAsync("blank", "  ", Ct));

        Assert.Equal("Acme", (await store.GetTenantAsync("acme", Ct))?.Name);
        Assert.Null(await store.GetTenantAsync("nobody", Ct));
        Assert.Null(await store.GetTenantAsync("blank", Ct));
        Assert.Empty(await store.ListApiKeysAsync("nobody", Ct));
    }

    [Fact]
    public async Task BootstrapKeysImportOnceAndARevokedOneStaysRevoked()
    {
        var store = await NewStoreAsync();
        const string key = "dev-key-acme-0123456789";

        await store.ImportBootstrapKeyAsync("acme", key, Ct);
        await store.ImportBootstrapKeyAsync("acme", key, Ct);

        Assert.Equal("acme", (await store.GetTenantAsync("acme", Ct))?.Name);
        var imported = Assert.Single(await store.ListApiKeysAsync("acme", Ct));
        Assert.Equal(new("acme", "acme", imported.KeyId), await store.FindByApiKeyAsync(key, Ct));
        Assert.DoesNotContain(key, await DumpTableAsync("platform_api_keys"), StringComparison.Ordinal);

        await store.RevokeApiKeyAsync("acme", imported.KeyId, T0, Ct);
        await store.ImportBootstrapKeyAsync("acme", key, Ct);
        Assert.Null(await store.FindByApiKeyAsync(key, Ct));

        var conflict = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportBootstrapKeyAsync("globex", key, Ct));
        Assert.DoesNotContain(key, conflict.Message, StringComparison.Ordinal);
        Assert.Single(await store.ListApiKeysAsync("acme", Ct));
        Assert.Empty(await store.ListApiKeysAsync("globex", Ct));
    }

    [Fact]
    public async Task ProcessesImportingTheSameBootstrapKeyAtOnceAgree()
    {
        await NewStoreAsync();
        const string key = "dev-key-acme-0123456789";

        await RaceAsync(4, async (store, _) =>
        {
            await store.ImportBootstrapKeyAsync("acme", key, Ct);
            return true;
        });

        var store = await NewStoreAsync(initialize: false);
        var imported = Assert.Single(await store.ListApiKeysAsync("acme", Ct));
        Assert.Equal(imported.KeyId, (await store.FindByApiKeyAsync(key, Ct))?.KeyId);
    }
}

public sealed class TenantDirectoryOnSqlite : TenantDirectoryContract<SqliteEngine>;

public sealed class TenantDirectoryOnPostgres : TenantDirectoryContract<PostgresEngine>;
