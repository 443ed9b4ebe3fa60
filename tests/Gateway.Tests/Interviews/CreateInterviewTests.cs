using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.TestSupport.Candidates;

namespace SyncHire.Gateway.Tests.Interviews;

public sealed class CreateInterviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Create_returns_201_with_location_socket_url_and_a_token()
    {
        using var timeout = TestTimeout.Start();
        using var response = await _client.PostAsJsonAsync("api/interviews",
            new { candidateName = "Ada", skillTopic = "distributed systems", level = "advanced", maxDurationMinutes = 30 }, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/api/interviews/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("created", body.GetProperty("status").GetString());
        Assert.Equal(fixture.Host.CandidateSocketAddress(id, token: null).ToString(), body.GetProperty("websocketUrl").GetString());
        Assert.Equal(3, body.GetProperty("candidateToken").GetString()!.Split('.').Length);
        var expiresIn = body.GetProperty("tokenExpiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        // The link a platform sends the candidate, valid for days rather than minutes.
        Assert.StartsWith(fixture.Host.BaseAddress + "join/", body.GetProperty("invitationUrl").GetString());
        Assert.InRange(body.GetProperty("invitationExpiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_in_a_validation_problem()
    {
        using var timeout = TestTimeout.Start();
        var body = new
        {
            candidateName = "",
            level = "expert",
            questions = new[] { "What is a grain?", " ", new string('x', 1001) },
            maxDurationMinutes = 61,
        };

        var problem = await PostExpectingProblemAsync(JsonContent.Create(body), HttpStatusCode.BadRequest, "validation_failed", timeout.Token);

        var errors = problem.GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["candidateName", "jobTitle", "level", "maxDurationMinutes", "questions[1]", "questions[2]"], fields);
    }

    [Fact]
    public async Task Provider_voice_and_turn_detection_are_chosen_per_interview()
    {
        using var timeout = TestTimeout.Start();
        using var response = await _client.PostAsJsonAsync("api/interviews", new
        {
            candidateName = "Ada",
            jobTitle = "Engineer",
            provider = "OpenAI",
            voice = "verse",
            turnDetection = new { mode = "push_to_talk" },
        }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("id").GetString();

        var (_, interview) = await _client.GetJsonAsync($"api/interviews/{id}", timeout.Token);

        Assert.Equal("openai", interview.GetProperty("provider").GetString());
        Assert.Equal("verse", interview.GetProperty("voice").GetString());
    }

    [Fact]
    public async Task An_unknown_provider_and_out_of_range_turn_detection_are_named()
    {
        using var timeout = TestTimeout.Start();
        var body = new
        {
            candidateName = "Ada",
            jobTitle = "Engineer",
            provider = "skynet",
            voice = "a voice; rm -rf",
            turnDetection = new { mode = "telepathy", threshold = 1.5, prefixPaddingMs = -1, silenceDurationMs = 10 },
        };

        var problem = await PostExpectingProblemAsync(JsonContent.Create(body), HttpStatusCode.BadRequest, "validation_failed", timeout.Token);

        Assert.Equal(
            ["provider", "turnDetection.mode", "turnDetection.prefixPaddingMs", "turnDetection.silenceDurationMs", "turnDetection.threshold", "voice"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task More_than_30_questions_are_refused()
    {
        using var timeout = TestTimeout.Start();
        var questions = Enumerable.Range(1, 31).Select(i => $"Question {i}?").ToArray();

        var problem = await PostExpectingProblemAsync(
            JsonContent.Create(new { candidateName = "Ada", jobTitle = "Engineer", questions }),
            HttpStatusCode.BadRequest, "validation_failed", timeout.Token);

        Assert.True(problem.GetProperty("errors").TryGetProperty("questions", out _));
    }

    [Fact]
    public async Task Control_characters_in_a_name_are_refused()
    {
        using var timeout = TestTimeout.Start();

        var problem = await PostExpectingProblemAsync(
            JsonContent.Create(new { candidateName = "Ada\u0007", jobTitle = "Engineer" }),
            HttpStatusCode.BadRequest, "validation_failed", timeout.Token);

        Assert.True(problem.GetProperty("errors").TryGetProperty("candidateName", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_server_error()
    {
        using var timeout = TestTimeout.Start();

        await PostExpectingProblemAsync(new StringContent("{\"candidateName\": \"Ada\",", Encoding.UTF8, "application/json"),
            HttpStatusCode.BadRequest, "invalid_json", timeout.Token);
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_a_400_problem()
    {
        using var timeout = TestTimeout.Start();

        await PostExpectingProblemAsync(
            new StringContent("""{"candidateName":"Ada","jobTitle":"Engineer","maxDurationMinutes":"ten"}""", Encoding.UTF8, "application/json"),
            HttpStatusCode.BadRequest, "invalid_json", timeout.Token);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var timeout = TestTimeout.Start();

        await PostExpectingProblemAsync(new StringContent("candidateName=Ada", Encoding.UTF8, "text/plain"),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", timeout.Token);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        using var timeout = TestTimeout.Start();
        var questions = Enumerable.Repeat(new string('q', 1000), 300).ToArray();

        await PostExpectingProblemAsync(JsonContent.Create(new { candidateName = "Ada", jobTitle = "Engineer", questions }),
            HttpStatusCode.RequestEntityTooLarge, "payload_too_large", timeout.Token);
    }

    private async Task<JsonElement> PostExpectingProblemAsync(HttpContent content, HttpStatusCode status, string code, CancellationToken cancellationToken)
    {
        using var response = await _client.PostAsync("api/interviews", content, cancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
