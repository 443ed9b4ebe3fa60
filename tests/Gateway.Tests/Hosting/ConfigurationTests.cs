namespace SyncHire.Gateway.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void A_cluster_process_without_a_signing_key_refuses_to_start_and_says_why()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build(["--Cluster:Storage=postgres"]));

        Assert.Contains("Gateway:TokenSigningKey", error.Message);
        Assert.Contains("share", error.Message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void An_unusable_signing_key_refuses_to_start_without_echoing_it(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build([$"--Gateway:TokenSigningKey={key}"]));

        Assert.Contains("Gateway:TokenSigningKey", error.Message);
        Assert.DoesNotContain(key, error.Message);
    }

    [Theory]
    [InlineData("Gateway:CandidateTokenLifetime", "00:00:00")]
    [InlineData("Gateway:CandidateTokenLifetime", "-00:05:00")]
    [InlineData("Gateway:MaxClientMessageBytes", "0")]
    public void A_setting_out_of_range_refuses_to_start_naming_it(string setting, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SyncHireApp.Build([$"--{setting}={value}"]));

        Assert.Contains(setting, error.Message);
    }
}
