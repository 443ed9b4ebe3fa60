namespace SyncHire.Platform.Tenants;

/// <summary>Tenants and their API keys. Keys are stored as SHA-256 hashes; the plaintext is returned once, at issue.</summary>
public interface ITenantDirectory
{
    /// <summary>Creates a tenant. Returns false (and changes nothing) when the id is taken.</summary>
    /// <param name="tenantId">1–64 characters of A–Z, a–z, 0–9, '.', '_', '-'.</param>
    /// <param name="name">Display name, 1–200 characters.</param>
    Task<bool> CreateTenantAsync(string tenantId, string name, CancellationToken cancellationToken);

    Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Issues a new key for the tenant. Throws <see cref="KeyNotFoundException"/> for an unknown tenant.</summary>
    /// <param name="keyName">What the key is for ("production", "ci"), 1–200 characters.</param>
    Task<IssuedApiKey> IssueApiKeyAsync(string tenantId, string keyName, CancellationToken cancellationToken);

    /// <summary>The tenant of a presented key; null when the key is unknown, revoked, empty or absurdly long.</summary>
    Task<ApiKeyIdentity?> FindByApiKeyAsync(string? presentedKey, CancellationToken cancellationToken);

    /// <summary>Revokes one of the tenant's keys. False when it is not that tenant's key or was already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string tenantId, string keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The tenant's keys, oldest first, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes an operator-chosen key valid for a tenant (creating the tenant, named after its id, if missing).
    /// Idempotent: importing the same key again changes nothing, and a key an operator revoked stays revoked.
    /// Throws <see cref="InvalidOperationException"/> when the key already belongs to another tenant.
    /// </summary>
    Task ImportBootstrapKeyAsync(string tenantId, string plaintextKey, CancellationToken cancellationToken);
}
