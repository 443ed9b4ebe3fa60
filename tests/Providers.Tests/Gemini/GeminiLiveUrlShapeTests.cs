using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SyncHire.Emulators.GeminiLive;
using SyncHire.Emulators.Shared;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// Every URL shape the official clients open the Live API with (API version, the ephemeral-token method, the doubled
/// slash of their base-URL join) reaches the emulator, and nothing else does.
/// </summary>
public sealed class GeminiLiveUrlShapeTests : IAsyncLifetime
{
    private const string Service = "ws/google.ai.generativelanguage.{0}.GenerativeService.{1}";

    private EmulatorServer _server = null!;
    private GeminiLiveEmulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = false }, (app, options) => _emulator = app.MapGeminiLive(options));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/", "v1")] // @google/genai's default: "{baseUrl}/ws/…" after a base URL that ends in a slash
    [InlineData("//", "v1")]
    [InlineData("/", "v1beta")]
    [InlineData("//", "v1beta")]
    [InlineData("/", "v1alpha")]
    [InlineData("//", "v1alpha")]
    public async Task The_api_key_opens_a_session_under_each_api_version_and_slash_join(string join, string version)
    {
        var pathAndQuery = $"{join}{string.Format(Service, version, "BidiGenerateContent")}?key={_server.Options.ApiKey}";
        Assert.StartsWith(join + "ws/", Address(pathAndQuery).AbsolutePath); // sent as written, not tidied by Uri

        using var socket = await ConnectAsync(pathAndQuery);

        Assert.True((await SetupAsync(socket)).TryGetProperty("setupComplete", out _));
    }

    [Theory]
    [InlineData("/ws/google.ai.generativelanguage.v2.GenerativeService.BidiGenerateContent")]
    [InlineData("/ws/google.ai.generativelanguage.v1beta.GenerativeService.StreamGenerateContent")]
    [InlineData("/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContentX")]
    [InlineData("/v1beta/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent")]
    [InlineData("/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent")]
    public async Task Any_other_path_is_not_found(string path)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(Address($"{path}?key={_server.Options.ApiKey}"), Token));

        Assert.Equal(HttpStatusCode.NotFound, socket.HttpStatusCode);
    }

    [Fact]
    public async Task An_ephemeral_token_opens_as_many_constrained_sessions_as_it_has_uses_and_no_more()
    {
        var token = await MintAsync(new { uses = 1 });
        Assert.StartsWith("auth_tokens/", token);
        var constrained = string.Format(Service, "v1alpha", GeminiLiveRoute.ConstrainedMethod);

        using (var socket = await ConnectAsync($"/{constrained}?access_token={token}"))
        {
            Assert.True((await SetupAsync(socket)).TryGetProperty("setupComplete", out _));
        }

        using var spent = await ConnectAsync($"//{constrained}?access_token={token}");
        await AssertRefusedAsync(spent, GeminiLiveProtocol.InvalidTokenReason);
        using var apiKeyAsToken = await ConnectAsync($"/{constrained}?access_token={_server.Options.ApiKey}");
        await AssertRefusedAsync(apiKeyAsToken, GeminiLiveProtocol.InvalidTokenReason);
    }

    [Fact]
    public async Task An_expired_ephemeral_token_opens_nothing()
    {
        var token = await MintAsync(new { uses = 5, expireTime = DateTimeOffset.UtcNow.AddMinutes(-1) });

        using var socket = await ConnectAsync($"/{string.Format(Service, "v1alpha", GeminiLiveRoute.ConstrainedMethod)}?access_token={token}");

        await AssertRefusedAsync(socket, GeminiLiveProtocol.InvalidTokenReason);
    }

    [Fact]
    public async Task Minting_a_token_takes_the_api_key()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using var response = await http.PostAsJsonAsync("v1alpha/auth_tokens", new { uses = 1 }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("status").GetString());
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Uri Address(string pathAndQuery) => new($"{_server.WebSocketAddress("").ToString().TrimEnd('/')}{pathAndQuery}");

    private async Task<ClientWebSocket> ConnectAsync(string pathAndQuery)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(Address(pathAndQuery), Token);
        return socket;
    }

    private async Task<string> MintAsync(object authToken)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        http.DefaultRequestHeaders.Add("x-goog-api-key", _server.Options.ApiKey);
        using var response = await http.PostAsJsonAsync("v1alpha/auth_tokens", authToken, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("name").GetString()!;
    }

    private static async Task<JsonElement> SetupAsync(ClientWebSocket socket)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"setup":{"model":"models/gemini-live-test"}}"""), WebSocketMessageType.Text, true, Token);
        return JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.Clone();
    }

    private static async Task AssertRefusedAsync(ClientWebSocket socket, string reason)
    {
        await ReceiveAsync(socket);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Equal(reason, socket.CloseStatusDescription);
    }

    private static async Task<byte[]> ReceiveAsync(ClientWebSocket socket)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, deadline.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        return message.ToArray();
    }
}
