using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Interview;
using SyncHire.Grains.Webhooks;
using Xunit;

namespace SyncHire.Grains.Tests.Webhooks;

/// <summary>Which addresses a tenant's webhook may reach, and where private networks are allowed by default.</summary>
public sealed class SpecialPurposeAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.100.100.200", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("0.1.2.3", "this network")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback (127.0.0.0/8), inside IPv6")]
    [InlineData("::ffff:10.0.0.1", "private (10.0.0.0/8), inside IPv6")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local, where cloud metadata lives (169.254.0.0/16), inside IPv6")]
    [InlineData("::127.0.0.1", "not global unicast")]
    [InlineData("2002:7f00:1::1", "6to4")]
    [InlineData("2001:0:4136:e378::1", "Teredo")]
    [InlineData("2001:db8::1", "documentation")]
    public void A_non_public_address_is_refused_with_its_reason(string address, string reason) =>
        Assert.Contains(reason, SpecialPurposeAddresses.WhyNotPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void A_public_address_is_allowed(string address) =>
        Assert.Null(SpecialPurposeAddresses.WhyNotPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("sqlite", null, true)]
    [InlineData("postgres", null, false)]
    [InlineData("postgres", "true", true)]
    [InlineData("sqlite", "false", false)]
    public void Private_networks_are_allowed_only_on_the_single_node_unless_the_operator_says_otherwise(
        string storage, string? setting, bool allowed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Storage"] = storage,
            ["Webhooks:AllowPrivateNetworks"] = setting,
        }).Build();

        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddInterviewCompletion().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        Assert.Equal(allowed, options.PrivateNetworksAllowed);
    }
}
