using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Grains.Webhooks;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Gateway.Tests.Completion;

/// <summary>
/// A tenant cannot make SyncHire call into its own network: with Webhooks:AllowPrivateNetworks off (a cluster's
/// setting), a loopback or private webhook address is refused when the interview is created (a literal IP) and when
/// connecting (after DNS resolution), the refusal is recorded with its reason and not retried, and the receiver sees
/// not even a TCP connection. The single node, where the setting is on, still delivers to a local receiver.
/// </summary>
public sealed class WebhookAddressRuleTests
{
    private const string Secret = "test-signing-secret-0123456789abcdef";

    private static Dictionary<string, string?> Settings(bool? allowPrivateNetworks, string? database = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:SigningSecret"] = Secret,
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:FirstRetryDelay"] = "00:00:00.200",
        };
        if (allowPrivateNetworks is { } allow)
        {
            settings["Webhooks:AllowPrivateNetworks"] = allow ? "true" : "false";
        }

        if (database is not null)
        {
            settings["Cluster:ConnectionString"] = $"Data Source={database}";
        }

        return settings;
    }

    [Fact]
    public async Task Literal_loopback_private_link_local_and_metadata_addresses_are_refused_at_creation()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: false));
        using var client = host.CreateClient();
        string[] refused =
        [
            "https://127.0.0.1/hook", "https://127.1.2.3:8443/hook", "https://[::1]/hook", "https://10.0.0.5/hook",
            "https://172.16.9.1/hook", "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data/",
            "https://[fe80::1]/hook", "https://[fd00::5]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://224.0.0.1/hook", "https://255.255.255.255/hook", "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:169.254.169.254]/hook", "https://2130706433/hook", "https://0x7f.0.0.1/hook",
            // http only ever went to this machine, which is now off limits too.
            "http://localhost/hook", "http://127.0.0.1:8080/hook",
        ];

        foreach (var url in refused)
        {
            using var response = await client.PostAsJsonAsync("api/interviews",
                new { candidateName = "Ada", jobTitle = "Engineer", webhookUrl = url }, timeout.Token);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
            Assert.Single(problem.GetProperty("errors").GetProperty("webhookUrl").EnumerateArray());
        }

        // A public address, literal or by name, is accepted (names are checked again when connecting).
        foreach (var url in new[] { "https://93.184.215.14/hook", "https://[2606:4700::1111]/hook", "https://hooks.example.com/hook" })
        {
            using var response = await client.PostAsJsonAsync("api/interviews",
                new { candidateName = "Ada", jobTitle = "Engineer", webhookUrl = url }, timeout.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_metadata_address_names_the_field_and_says_why()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: false));
        using var client = host.CreateClient();

        using var response = await client.PostAsJsonAsync("api/interviews",
            new { candidateName = "Ada", jobTitle = "Engineer", webhookUrl = "https://169.254.169.254/latest/meta-data/" }, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token))
            .GetProperty("errors").GetProperty("webhookUrl")[0].GetString();
        Assert.Contains("169.254.169.254", message);
        Assert.Contains("link-local", message);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting_and_not_retried()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: false));
        using var client = host.CreateClient();
        // "localhost" is a name, not an IP, so creation accepts it; the machine's resolver maps it to 127.0.0.1.
        var id = await CompletedInterview.CreateAsync(client, timeout.Token, $"https://localhost:{receiver.Port}/hooks/synchire");
        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);

        var stored = await FailedDeliveryAsync(host, id, timeout.Token);

        Assert.Equal(1, stored.Attempts); // Failed for good at once: a refused address is not retried.
        Assert.Contains("localhost resolves to", stored.LastError);
        Assert.Contains("127.0.0.1: loopback", stored.LastError);
        Assert.Contains("Webhooks:AllowPrivateNetworks", stored.LastError);
        Assert.Equal(0, receiver.Connections);
    }

    [Fact]
    public async Task A_receiver_on_127_0_0_1_stored_before_the_setting_was_turned_off_gets_nothing()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(60));
        var database = Path.Combine(Path.GetTempPath(), $"synchire-webhook-ssrf-{Guid.NewGuid():N}.db");
        await using var receiver = await WebhookReceiver.StartAsync();
        try
        {
            string id;
            await using (var single = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: true, database)))
            {
                using var client = single.CreateClient();
                id = await CompletedInterview.CreateAsync(client, timeout.Token, receiver.Url); // http://127.0.0.1:port/…
            }

            await using var cluster = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: false, database));
            using (var client = cluster.CreateClient())
            {
                await CompletedInterview.TakeAsync(cluster, client, id, timeout.Token);
            }

            var stored = await FailedDeliveryAsync(cluster, id, timeout.Token);

            Assert.Equal(1, stored.Attempts);
            Assert.StartsWith("refused: 127.0.0.1: loopback", stored.LastError);
            Assert.Equal(0, receiver.Connections);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task The_single_node_delivers_to_a_receiver_on_this_machine_by_name()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(Settings(allowPrivateNetworks: null)); // The default.
        Assert.True(host.GetRequiredService<IOptions<WebhookOptions>>().Value.PrivateNetworksAllowed);
        using var client = host.CreateClient();
        var id = await CompletedInterview.CreateAsync(client, timeout.Token, $"http://localhost:{receiver.Port}/hooks/synchire");
        await CompletedInterview.TakeAsync(host, client, id, timeout.Token);

        var delivery = await receiver.NextAsync(timeout.Token);

        Assert.Equal($"{id}:interview.completed", delivery.DeliveryId);
        Assert.True(receiver.Connections >= 1);
    }

    /// <summary>Waits until the interview's delivery is recorded as failed, and returns it.</summary>
    private static async Task<WebhookDelivery> FailedDeliveryAsync(GatewayTestHost host, string id, CancellationToken cancellationToken)
    {
        var outbox = host.GetRequiredService<IWebhookOutbox>();
        while (true)
        {
            var deliveries = await outbox.ListDeliveriesAsync("local", id, cancellationToken);
            if (deliveries is [{ State: WebhookDeliveryState.Failed } failed])
            {
                return failed;
            }

            Assert.DoesNotContain(deliveries, d => d.State == WebhookDeliveryState.Delivered);
            await Task.Delay(50, cancellationToken); // Polling interval; the token bounds the wait.
        }
    }
}
