using System.Net.Http.Headers;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Tenants;

/// <summary>Two tenants with API keys imported at startup ("Platform:BootstrapApiKeys"), and clients that present them.</summary>
public static class TenantKeys
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string AcmeKey = "shk_acme_test_key_0123456789abcdef";
    public const string GlobexKey = "shk_globex_test_key_0123456789abcdef";

    /// <summary>Settings for a host that knows both tenants; <paramref name="more"/> are added (and win).</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:BootstrapApiKeys"] = $"{Acme}={AcmeKey};{Globex}={GlobexKey}",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A client that sends <c>Authorization: Bearer &lt;key&gt;</c> on every request.</summary>
    public static HttpClient CreateClient(this GatewayTestHost host, string apiKey)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
