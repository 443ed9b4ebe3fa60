using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>The contract integrators generate clients from: /openapi/v1.json, served by the gateway itself.</summary>
public sealed class OpenApiDocumentTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_document_describes_the_interview_endpoints_their_errors_and_the_api_key()
    {
        using var timeout = TestTimeout.Start();
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("openapi/v1.json", timeout.Token);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        var interviews = paths.GetProperty("/api/interviews");
        var one = paths.GetProperty("/api/interviews/{id}");
        Assert.True(interviews.TryGetProperty("post", out var create));
        Assert.True(interviews.TryGetProperty("get", out var list));
        Assert.True(one.TryGetProperty("get", out var read));
        Assert.True(one.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/interviews/{id}/end", out _));
        Assert.True(paths.TryGetProperty("/api/interviews/{id}/token", out _));

        // Typed results and Problem Details: success bodies and errors are both described.
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(read.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(list.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "cursor");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.NotEmpty(read.GetProperty("security").EnumerateArray());
    }
}
