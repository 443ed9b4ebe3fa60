using System.Net.Http.Headers;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tests.VideoRooms.Fakes;
using SyncHire.TestSupport.Fakes;

namespace SyncHire.Gateway.Tests.VideoRooms;

/// <summary>
/// The real gateway with all three video integrations configured against loopback fakes of Stream Video and Tavus
/// (LiveKit needs no server: its tokens are only signed), and two tenants, each with an API key.
/// </summary>
public sealed class VideoRoomsSystem : IAsyncDisposable
{
    public const string LiveKitApiKey = "APIsynchiretest";
    public const string LiveKitApiSecret = "livekit-test-secret-5c1d0e7a9b3f4a6c8e2d1f0b";
    public const string LiveKitUrl = "wss://synchire-test.livekit.cloud";
    public const string StreamApiKey = "streamtestkey";
    public const string StreamApiSecret = "stream-test-secret-8f4e2a1c6b9d3e7f0a5c2b8d";
    public const string TavusApiKey = "tavus-test-key-2b7e9c4a1d";
    public const string TavusReplicaId = "r79e1c033f";
    public const string TavusPersonaId = "p5317866";
    public const string AcmeApiKey = "acme-key-0123456789abcdefghij";
    private const string GlobexKey = "globex-key-0123456789abcdefghij";

    private VideoRoomsSystem(FakeStreamVideo stream, FakeTavus tavus, GatewayTestHost host)
    {
        Stream = stream;
        Tavus = tavus;
        Host = host;
        Acme = ClientWithKey(AcmeApiKey);
        Globex = ClientWithKey(GlobexKey);
    }

    public FakeStreamVideo Stream { get; }

    public FakeTavus Tavus { get; }

    public GatewayTestHost Host { get; }

    /// <summary>Tenant "acme"'s platform client; the tests' interviews are acme's.</summary>
    public HttpClient Acme { get; }

    /// <summary>Tenant "globex"'s platform client, for the cross-tenant cases.</summary>
    public HttpClient Globex { get; }

    /// <summary>Starts the fakes and the gateway; <paramref name="adjust"/> may change or remove settings first.</summary>
    public static async Task<VideoRoomsSystem> StartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var stream = await FakeStreamVideo.StartAsync(StreamApiKey, StreamApiSecret);
        var tavus = await FakeTavus.StartAsync(TavusApiKey);
        var settings = new Dictionary<string, string?>
        {
            ["Platform:BootstrapApiKeys"] = $"acme={AcmeApiKey};globex={GlobexKey}",
            ["LiveKit:ApiKey"] = LiveKitApiKey,
            ["LiveKit:ApiSecret"] = LiveKitApiSecret,
            ["LiveKit:Url"] = LiveKitUrl,
            ["Stream:ApiKey"] = StreamApiKey,
            ["Stream:ApiSecret"] = StreamApiSecret,
            ["Stream:BaseUrl"] = stream.BaseAddress.ToString(),
            ["Tavus:ApiKey"] = TavusApiKey,
            ["Tavus:BaseUrl"] = tavus.BaseAddress.ToString(),
            ["Tavus:ReplicaId"] = TavusReplicaId,
            ["Tavus:PersonaId"] = TavusPersonaId,
        };
        adjust?.Invoke(settings);
        var host = await GatewayTestHost.StartAsync(settings);
        return new VideoRoomsSystem(stream, tavus, host);
    }

    /// <summary>Creates an interview as tenant acme and returns its id.</summary>
    public Task<string> CreateInterviewAsync(CancellationToken cancellationToken, string candidateName = "Ada Lovelace",
        int maxDurationMinutes = 30) =>
        CreateInterviewAsync(Acme, cancellationToken, candidateName, maxDurationMinutes);

    /// <summary>Creates an interview as <paramref name="client"/>'s tenant and returns its id.</summary>
    public static async Task<string> CreateInterviewAsync(
        HttpClient client, CancellationToken cancellationToken, string candidateName = "Ada Lovelace", int maxDurationMinutes = 30)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Post, "api/interviews",
            new { candidateName, jobTitle = "Backend engineer", skillTopic = "Distributed systems", level = "intermediate", provider = "offline", maxDurationMinutes },
            cancellationToken);
        Assert.Equal(201, status);
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Acme.Dispose();
        Globex.Dispose();
        await Host.DisposeAsync();
        await Tavus.DisposeAsync();
        await Stream.DisposeAsync();
    }
}

/// <summary>One <see cref="VideoRoomsSystem"/> per test class.</summary>
public sealed class VideoRoomsFixture : IAsyncLifetime
{
    private VideoRoomsSystem? _system;

    public VideoRoomsSystem System => _system ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _system = await VideoRoomsSystem.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
