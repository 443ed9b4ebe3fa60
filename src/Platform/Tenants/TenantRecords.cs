namespace SyncHire.Platform.Tenants;

/// <summary>An integrator (a hiring platform) whose interviews, keys and usage are kept apart from every other.</summary>
public sealed record Tenant(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A newly issued key. <see cref="PlaintextKey"/> exists only here: the store keeps its hash.</summary>
public sealed record IssuedApiKey(string KeyId, string TenantId, string Name, string VisiblePrefix, string PlaintextKey, DateTimeOffset CreatedAt);

/// <summary>A key as listed for its tenant: enough to recognise and revoke it, never to use it.</summary>
public sealed record ApiKeyInfo(string KeyId, string TenantId, string Name, string VisiblePrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Who presented a valid key.</summary>
public sealed record ApiKeyIdentity(string TenantId, string TenantName, string KeyId);
