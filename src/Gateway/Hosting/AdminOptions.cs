namespace SyncHire.Gateway.Hosting;

/// <summary>Configuration section "Admin": the operators' listener (see <see cref="OperatorDashboard"/>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The port of the admin listener that serves the Orleans Dashboard; unset: no dashboard.</summary>
    public int? DashboardPort { get; set; }

    /// <summary>The address the admin listener binds to; loopback by default, so only this machine reaches it.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
