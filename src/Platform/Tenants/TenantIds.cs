namespace SyncHire.Platform.Tenants;

/// <summary>What a tenant id may be: short and URL/log safe, since it appears in both.</summary>
public static class TenantIds
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 characters of A–Z, a–z, 0–9, '.', '_', '-'";

    public static bool IsValid(string? tenantId) =>
        !string.IsNullOrEmpty(tenantId)
        && tenantId.Length <= MaxLength
        && tenantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static void Require(string? tenantId, string paramName = "tenantId")
    {
        if (!IsValid(tenantId))
        {
            throw new ArgumentException($"The tenant id must be {Rule}.", paramName);
        }
    }
}
