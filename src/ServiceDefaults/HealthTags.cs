namespace SyncHire.ServiceDefaults;

/// <summary>Tags that place a health check in a probe.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the process gets traffic (GET /health/ready).</summary>
    public const string Ready = "ready";
}
