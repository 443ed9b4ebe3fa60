using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>The platform's side of the REST API, as tests call it.</summary>
public static class InterviewsApiClient
{
    /// <summary>Creates an interview and returns the 201 body (id, status, websocketUrl, candidateToken, tokenExpiresAt).</summary>
    public static async Task<JsonElement> CreateInterviewAsync(
        this HttpClient client, CancellationToken cancellationToken, string candidateName = "Ada Lovelace",
        string jobTitle = "Backend engineer", params string[] questions)
    {
        using var response = await client.PostAsJsonAsync("api/interviews",
            new { candidateName, jobTitle, level = "intermediate", questions }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(
        this HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(
        this HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync(path, content: null, cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }
}
