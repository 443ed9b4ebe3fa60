using System.Data.Common;
using SyncHire.Platform.Security;
using SyncHire.Platform.Tenants;

using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>Tenants and their API keys (platform_tenants, platform_api_keys); keys are stored as hashes.</summary>
internal sealed class SqlTenantDirectory(SqlDialect dialect) : ITenantDirectory
{
    private const int MaxNameLength = 200;
    private const string BootstrapKeyName = "bootstrap";
    private const string ApiKeyColumns = "key_id, tenant_id, name, visible_prefix, created_at_ms, revoked_at_ms";

    public async Task<bool> CreateTenantAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        TenantIds.Require(tenantId);
        RequireText(name, MaxNameLength, nameof(name));

        var created = await dialect.ExecuteAsync(
            "INSERT INTO platform_tenants (tenant_id, name, created_at_ms) VALUES (@tenant, @name, @now) ON CONFLICT (tenant_id) DO NOTHING",
            command =>
            {
                command.AddParameter("tenant", tenantId);
                command.AddParameter("name", name.Trim());
                command.AddParameter("now", ToMs(DateTimeOffset.UtcNow));
            },
            cancellationToken);
        return created == 1;
    }

    public async Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var rows = await dialect.ReadAsync(
            "SELECT tenant_id, name, created_at_ms FROM platform_tenants WHERE tenant_id = @tenant",
            command => command.AddParameter("tenant", tenantId),
            reader => new Tenant(reader.GetString(0), reader.GetString(1), FromMs(reader.GetInt64(2))),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IssuedApiKey> IssueApiKeyAsync(string tenantId, string keyName, CancellationToken cancellationToken)
    {
        TenantIds.Require(tenantId);
        RequireText(keyName, MaxNameLength, nameof(keyName));

        var key = ApiKeyFormat.NewKey();
        var issued = new IssuedApiKey(NewId(), tenantId, keyName.Trim(), ApiKeyFormat.VisiblePrefix(key), key, FromMs(ToMs(DateTimeOffset.UtcNow)));

        // INSERT ... SELECT: the key is written only if the tenant exists, in one statement.
        var inserted = await dialect.ExecuteAsync(
            $"""
            INSERT INTO platform_api_keys (key_id, tenant_id, name, key_hash, visible_prefix, created_at_ms)
            SELECT @id, tenant_id, @name, @hash, @prefix, @created FROM platform_tenants WHERE tenant_id = @tenant
            """,
            command =>
            {
                command.AddParameter("id", issued.KeyId);
                command.AddParameter("name", issued.Name);
                command.AddParameter("hash", SecretTokens.Hash(key));
                command.AddParameter("prefix", issued.VisiblePrefix);
                command.AddParameter("created", ToMs(issued.CreatedAt));
                command.AddParameter("tenant", tenantId);
            },
            cancellationToken);
        if (inserted != 1)
        {
            throw new KeyNotFoundException($"Tenant '{tenantId}' does not exist.");
        }

        return issued;
    }

    public async Task<ApiKeyIdentity?> FindByApiKeyAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > ApiKeyFormat.MaxPresentedLength)
        {
            return null;
        }

        var rows = await dialect.ReadAsync(
            """
            SELECT k.tenant_id, t.name, k.key_id
            FROM platform_api_keys k JOIN platform_tenants t ON t.tenant_id = k.tenant_id
            WHERE k.key_hash = @hash AND k.revoked_at_ms IS NULL
            """,
            command => command.AddParameter("hash", SecretTokens.Hash(presentedKey)),
            reader => new ApiKeyIdentity(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> RevokeApiKeyAsync(string tenantId, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(keyId);

        var revoked = await dialect.ExecuteAsync(
            "UPDATE platform_api_keys SET revoked_at_ms = @now WHERE tenant_id = @tenant AND key_id = @key AND revoked_at_ms IS NULL",
            command =>
            {
                command.AddParameter("now", ToMs(now));
                command.AddParameter("tenant", tenantId);
                command.AddParameter("key", keyId);
            },
            cancellationToken);
        return revoked == 1;
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return dialect.ReadAsync(
            $"SELECT {ApiKeyColumns} FROM platform_api_keys WHERE tenant_id = @tenant ORDER BY created_at_ms, key_id",
            command => command.AddParameter("tenant", tenantId),
            ReadApiKey,
            cancellationToken);
    }

    public async Task ImportBootstrapKeyAsync(string tenantId, string plaintextKey, CancellationToken cancellationToken)
    {
        TenantIds.Require(tenantId);
        ArgumentNullException.ThrowIfNull(plaintextKey);
        if (plaintextKey.Length < ApiKeyFormat.MinBootstrapLength || plaintextKey.Length > ApiKeyFormat.MaxPresentedLength)
        {
            throw new ArgumentException(
                $"A bootstrap key must be {ApiKeyFormat.MinBootstrapLength}–{ApiKeyFormat.MaxPresentedLength} characters.", nameof(plaintextKey));
        }

        var hash = SecretTokens.Hash(plaintextKey);
        var now = ToMs(DateTimeOffset.UtcNow);

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        await using (var tenant = connection.CreateCommand(
            transaction,
            "INSERT INTO platform_tenants (tenant_id, name, created_at_ms) VALUES (@tenant, @tenant, @now) ON CONFLICT (tenant_id) DO NOTHING"))
        {
            tenant.AddParameter("tenant", tenantId);
            tenant.AddParameter("now", now);
            await tenant.ExecuteNonQueryAsync(cancellationToken);
        }

        // Conflict on the hash leaves an existing key as it is (revoked stays revoked); processes importing the
        // same configuration at once therefore agree without failing.
        await using (var key = connection.CreateCommand(
            transaction,
            """
            INSERT INTO platform_api_keys (key_id, tenant_id, name, key_hash, visible_prefix, created_at_ms)
            VALUES (@id, @tenant, @name, @hash, @prefix, @now) ON CONFLICT (key_hash) DO NOTHING
            """))
        {
            key.AddParameter("id", NewId());
            key.AddParameter("tenant", tenantId);
            key.AddParameter("name", BootstrapKeyName);
            key.AddParameter("hash", hash);
            key.AddParameter("prefix", ApiKeyFormat.VisiblePrefix(plaintextKey));
            key.AddParameter("now", now);
            await key.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var owner = connection.CreateCommand(transaction, "SELECT tenant_id FROM platform_api_keys WHERE key_hash = @hash"))
        {
            owner.AddParameter("hash", hash);
            var ownerId = (string?)await owner.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(ownerId, tenantId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A bootstrap key configured for tenant '{tenantId}' is already a key of tenant '{ownerId}'. Give each tenant its own key.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static ApiKeyInfo ReadApiKey(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), FromMs(reader.GetInt64(4)), ReadOptionalTime(reader, 5));
}
