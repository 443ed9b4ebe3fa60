using SyncHire.Gateway.Interviews;
using SyncHire.Grains.Webhooks;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>An interview's provider is checked against the names the registry holds at runtime, not a fixed list.</summary>
public sealed class CreateInterviewProviderNameTests
{
    private static CreateInterviewRequest Request(string provider) =>
        new("Ada Lovelace", "Backend Engineer", null, null, null, null, Provider: provider);

    [Fact]
    public void A_provider_a_plugin_registered_is_accepted_whatever_its_name()
    {
        var definition = CreateInterviewValidator.Validate(Request("Echo"), new WebhookOptions(), ["echo", "offline"], out var errors);

        Assert.Empty(errors);
        Assert.Equal("echo", definition!.Provider);
    }

    [Fact]
    public void A_provider_no_plugin_registered_is_refused_listing_the_registered_ones()
    {
        var definition = CreateInterviewValidator.Validate(Request("openai"), new WebhookOptions(), ["echo", "offline"], out var errors);

        Assert.Null(definition);
        Assert.Equal(["provider must be one of echo, offline."], errors["provider"]);
    }
}
