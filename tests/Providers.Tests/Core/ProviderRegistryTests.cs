using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SyncHire.Providers.Tests.Core;

/// <summary>The registry is the one list of provider names, checked against configuration when the host starts.</summary>
public sealed class ProviderRegistryTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, params IRealtimeProvider[] providers)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddRealtimeProviderRegistry();
        foreach (var provider in providers)
        {
            services.AddSingleton<IRealtimeProvider>(provider);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>What the host does at start for ValidateOnStart options.</summary>
    private static void Start(ServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Names_are_the_registered_plugins_configured_or_not()
    {
        using var services = Build(new() { ["Interviews:DefaultProvider"] = "a" }, new StubProvider("b", configured: false), new StubProvider("a"));
        Start(services);

        var registry = services.GetRequiredService<ProviderRegistry>();

        Assert.Equal(["a", "b"], registry.Names);
        Assert.Equal(["a"], registry.ConfiguredNames);
        Assert.True(registry.IsRegistered("B"));
        Assert.False(registry.IsRegistered("c"));
        Assert.Equal("a", registry.DefaultName);
    }

    [Fact]
    public void A_default_no_plugin_registered_stops_the_start_naming_it_and_the_registered_ones()
    {
        using var services = Build(new() { ["Interviews:DefaultProvider"] = "opnai" }, new StubProvider("offline"), new StubProvider("openai"));

        var failure = Assert.Throws<OptionsValidationException>(() => Start(services));

        Assert.Contains("Interviews:DefaultProvider is 'opnai'", failure.Message);
        Assert.Contains("registered: offline, openai", failure.Message);
    }

    [Fact]
    public void A_fallback_no_plugin_registered_stops_the_start()
    {
        using var services = Build(
            new() { ["Interviews:DefaultProvider"] = "offline", ["Interviews:FallbackProvider"] = "gemnii" }, new StubProvider("offline"));

        var failure = Assert.Throws<OptionsValidationException>(() => Start(services));

        Assert.Contains("Interviews:FallbackProvider is 'gemnii'", failure.Message);
    }

    [Fact]
    public void Without_a_default_the_start_fails()
    {
        using var services = Build([], new StubProvider("a"));

        var failure = Assert.Throws<OptionsValidationException>(() => Start(services));

        Assert.Contains("Interviews:DefaultProvider must name a provider (registered: a)", failure.Message);
    }

    [Fact]
    public void An_unknown_or_unconfigured_request_gets_the_default_then_any_configured_provider()
    {
        var dormant = new StubProvider("dormant", configured: false);
        var standby = new StubProvider("standby");
        var main = new StubProvider("main");
        using var withDefault = Build(new() { ["Interviews:DefaultProvider"] = "main" }, dormant, standby, main);
        using var withDormantDefault = Build(new() { ["Interviews:DefaultProvider"] = "dormant" }, dormant, standby, main);

        var registry = withDefault.GetRequiredService<ProviderRegistry>();
        Assert.Same(standby, registry.Resolve("standby"));
        Assert.Same(main, registry.Resolve(null));
        Assert.Same(main, registry.Resolve("nonexistent"));
        Assert.Same(main, registry.Resolve("dormant"));
        Assert.Same(standby, withDormantDefault.GetRequiredService<ProviderRegistry>().Resolve(null));
    }

    [Fact]
    public void With_a_fallback_configured_the_registry_hands_out_the_fallback_adapter()
    {
        var main = new StubProvider("main");
        var backup = new StubProvider("backup");
        using var services = Build(new() { ["Interviews:DefaultProvider"] = "main", ["Interviews:FallbackProvider"] = "backup" }, main, backup);
        var registry = services.GetRequiredService<ProviderRegistry>();

        var adapter = Assert.IsType<FallbackRealtimeProvider>(registry.ResolveWithFallback(null));

        Assert.Equal([main, backup], adapter.Providers);
        Assert.Same(backup, registry.ResolveWithFallback("backup"));
        Assert.Same(main, registry.Resolve(null));
    }

    [Fact]
    public void Without_a_fallback_the_provider_itself_is_handed_out()
    {
        var main = new StubProvider("main");
        using var services = Build(new() { ["Interviews:DefaultProvider"] = "main" }, main, new StubProvider("other"));

        Assert.Same(main, services.GetRequiredService<ProviderRegistry>().ResolveWithFallback(null));
    }
}
