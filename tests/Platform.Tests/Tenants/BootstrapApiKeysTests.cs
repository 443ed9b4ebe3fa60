using SyncHire.Platform.Tenants;
using Xunit;

namespace SyncHire.Platform.Tests.Tenants;

public sealed class BootstrapApiKeysTests
{
    [Fact]
    public void EntriesAreReadInOrderIgnoringSpacesAndEmptyEntries()
    {
        var keys = BootstrapApiKeys.Parse(" acme = dev-key-acme-0123456789 ;; globex=shk_abcdefghijklmnopqrstuvwxyz012345;");

        Assert.Equal(
            [new("acme", "dev-key-acme-0123456789"), new BootstrapApiKey("globex", "shk_abcdefghijklmnopqrstuvwxyz012345")],
            keys);
        Assert.Empty(BootstrapApiKeys.Parse(null));
        Assert.Empty(BootstrapApiKeys.Parse("   "));
    }

    [Theory]
    [InlineData("acme", "entry 1 is not 'tenant=key'")]
    [InlineData("=dev-key-acme-0123456789", "entry 1 is not 'tenant=key'")]
    [InlineData("acme=dev-key-acme-0123456789;globex=", "entry 2 is not 'tenant=key'")]
    [InlineData("ac me=dev-key-acme-0123456789", "'ac me' is not a valid tenant id")]
    [InlineData("acme=tooshort", "entry 1 (tenant 'acme'): the key must be")]
    [InlineData("acme=dev key with spaces 0123456789", "entry 1 (tenant 'acme'): the key must be")]
    public void AMalformedEntryIsNamedByPositionWithoutItsKey(string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => BootstrapApiKeys.Parse(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tooshort", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789", error.Message, StringComparison.Ordinal);
    }
}
