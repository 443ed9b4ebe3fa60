using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Hosting;

/// <summary>
/// Every options type is bound, validated by its IValidateOptions class and checked when the app starts (or, for the
/// few a host needs before its container exists, when it is built, by the same validator): bad settings stop the
/// process with a message that names the setting.
/// </summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_cluster_process_without_a_signing_key_refuses_to_start_and_says_why()
    {
        var message = await StartupFailureAsync(("Cluster:Storage", "postgres"));

        Assert.Contains("Gateway:TokenSigningKey", message);
        Assert.Contains("share", message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task An_unusable_signing_key_refuses_to_start_without_echoing_it(string key)
    {
        var message = await StartupFailureAsync(("Gateway:TokenSigningKey", key));

        Assert.Contains("Gateway:TokenSigningKey", message);
        Assert.DoesNotContain(key, message);
    }

    [Theory]
    [InlineData("Gateway:CandidateTokenLifetime", "00:00:00")]
    [InlineData("Gateway:CandidateTokenLifetime", "-00:05:00")]
    [InlineData("Gateway:MaxClientMessageBytes", "0")]
    [InlineData("Gateway:MaxRequestBodyBytes", "10")]
    [InlineData("Gateway:CorsOrigins:0", "ftp://app.example.com")]
    [InlineData("Gateway:PublicBaseUrl", "https://interviews.example.com/?tenant=acme")]
    [InlineData("Invitations:Lifetime", "00:00:00")]
    [InlineData("Events:KeepAliveInterval", "00:00:00")]
    [InlineData("Platform:MaxConcurrentInterviews", "-1")]
    [InlineData("Platform:RateLimit:Burst", "-1")]
    [InlineData("Platform:SelfServe:InterviewsPerHourPerAddress", "-1")]
    [InlineData("Platform:AnonymousTenant", "Not a tenant!")]
    [InlineData("Platform:RetentionSweepInterval", "00:00:00")]
    [InlineData("Interviews:IdleTimeout", "00:00:00")]
    [InlineData("Completion:RetryInterval", "00:00:00.001")]
    [InlineData("Webhooks:SigningSecret", "too-short")]
    [InlineData("Evaluation:MaxAttempts", "0")]
    [InlineData("Cv:MaxPages", "0")]
    [InlineData("Cluster:ProbeTimeout", "00:00:00")]
    [InlineData("Cluster:Storage", "oracle")]
    [InlineData("Admin:DashboardPort", "70000")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317")]
    public async Task A_setting_out_of_range_refuses_to_start_naming_it(string setting, string value)
    {
        var message = await StartupFailureAsync((setting, value));

        Assert.Contains(SettingName(setting), message);
    }

    [Fact]
    public async Task Malformed_bootstrap_keys_refuse_to_start_without_echoing_the_key()
    {
        var message = await StartupFailureAsync(("Platform:BootstrapApiKeys", "acme=short"));

        Assert.Contains("Platform:BootstrapApiKeys", message);
        Assert.DoesNotContain("short", message);
    }

    /// <summary>"Gateway:CorsOrigins:0" is reported as the setting "Gateway:CorsOrigins".</summary>
    private static string SettingName(string key) => key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;

    /// <summary>Starts the real app with the settings; returns the message it refused to start with.</summary>
    private static async Task<string> StartupFailureAsync(params (string Key, string Value)[] settings)
    {
        var failure = await Record.ExceptionAsync(() => GatewayTestHost.StartAsync(settings.ToDictionary(s => s.Key, s => (string?)s.Value)));

        Assert.NotNull(failure);
        IReadOnlyCollection<Exception> failures = failure is AggregateException aggregate ? aggregate.InnerExceptions : [failure];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        return string.Join(" ", failures.Select(f => f.Message));
    }
}
