using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Interviews;

/// <summary>language, webhookUrl and metadata on POST /api/interviews: kept with the interview, checked on the way in.</summary>
public sealed class CreateInterviewFieldsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Language_webhook_url_and_metadata_are_kept_and_returned()
    {
        using var timeout = TestTimeout.Start();
        using var response = await _client.PostAsJsonAsync("api/interviews", new
        {
            candidateName = "Marie Curie",
            jobTitle = "Research engineer",
            language = "pt-BR",
            webhookUrl = "https://hooks.example.com/synchire?source=ats",
            metadata = new Dictionary<string, string> { ["candidateId"] = "c-42", ["jobId"] = "j-7" },
        }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("id").GetString();

        var (_, body) = await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal("pt-BR", body.GetProperty("language").GetString());
        Assert.Equal("https://hooks.example.com/synchire?source=ats", body.GetProperty("webhookUrl").GetString());
        Assert.Equal("c-42", body.GetProperty("metadata").GetProperty("candidateId").GetString());
        Assert.Equal("j-7", body.GetProperty("metadata").GetProperty("jobId").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://hooks.example.com/a/b")]
    public async Task A_https_webhook_or_a_local_http_one_is_accepted(string url)
    {
        using var timeout = TestTimeout.Start();

        using var response = await _client.PostAsJsonAsync("api/interviews",
            new { candidateName = "Ada", jobTitle = "Engineer", webhookUrl = url }, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("http://hooks.example.com/hook")]
    [InlineData("https://user:secret@hooks.example.com/hook")]
    [InlineData("ftp://hooks.example.com/hook")]
    [InlineData("/relative/hook")]
    public async Task A_webhook_url_that_is_not_https_or_carries_credentials_is_refused(string url)
    {
        using var timeout = TestTimeout.Start();

        var problem = await CreateExpectingValidationErrorAsync(new { candidateName = "Ada", jobTitle = "Engineer", webhookUrl = url }, timeout.Token);

        Assert.True(problem.GetProperty("errors").TryGetProperty("webhookUrl", out _));
    }

    [Fact]
    public async Task Metadata_must_be_flat_strings_within_20_keys_and_1_KB()
    {
        using var timeout = TestTimeout.Start();
        var tooMany = Enumerable.Range(0, 21).ToDictionary(i => $"k{i}", i => "v");
        var tooLarge = new Dictionary<string, string> { ["notes"] = new string('x', 1100) };

        var nested = await CreateExpectingValidationErrorAsync(
            new { candidateName = "Ada", jobTitle = "Engineer", metadata = new { score = 3 } }, timeout.Token);
        var many = await CreateExpectingValidationErrorAsync(
            new { candidateName = "Ada", jobTitle = "Engineer", metadata = tooMany }, timeout.Token);
        var large = await CreateExpectingValidationErrorAsync(
            new { candidateName = "Ada", jobTitle = "Engineer", metadata = tooLarge }, timeout.Token);
        var array = await CreateExpectingValidationErrorAsync(
            new { candidateName = "Ada", jobTitle = "Engineer", metadata = new[] { "a" } }, timeout.Token);

        Assert.True(nested.GetProperty("errors").TryGetProperty("metadata.score", out _));
        Assert.Contains("20", many.GetProperty("errors").GetProperty("metadata")[0].GetString());
        Assert.Contains("1024", large.GetProperty("errors").GetProperty("metadata")[0].GetString());
        Assert.True(array.GetProperty("errors").TryGetProperty("metadata", out _));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("en_US")]
    public async Task A_language_that_is_not_a_BCP_47_tag_is_refused(string language)
    {
        using var timeout = TestTimeout.Start();

        var problem = await CreateExpectingValidationErrorAsync(new { candidateName = "Ada", jobTitle = "Engineer", language }, timeout.Token);

        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _));
    }

    private async Task<JsonElement> CreateExpectingValidationErrorAsync(object body, CancellationToken cancellationToken)
    {
        using var response = await _client.PostAsJsonAsync("api/interviews", body, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        return problem;
    }
}
