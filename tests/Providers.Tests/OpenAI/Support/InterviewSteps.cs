using System.Text.Json;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.OpenAI.Support;

/// <summary>The grain's side of the conversation, step by step: answer the tools, collect what was said.</summary>
internal static class InterviewSteps
{
    public const string FirstQuestion = "Tell me about a hard bug you fixed.";

    public static string Question(string id, int index, string text) =>
        JsonSerializer.Serialize(new NextQuestionResult(false, 2, id, index, text), InterviewTools.JsonOptions);

    /// <summary>Greeting: the model fetches the first question, is given it, and asks it. Returns the spoken turn's events.</summary>
    public static async Task<List<ProviderEvent>> GreetAsync(IRealtimeSession session, EventLog events)
    {
        await session.CreateResponseAsync(CancellationToken.None);
        var fetch = await events.NextAsync<ToolCall>();
        Assert.Equal(InterviewTools.FetchNextQuestion, fetch.Name);
        await session.SendToolResultAsync(fetch.CallId, Question("q1", 0, FirstQuestion), CancellationToken.None);
        await events.NextAsync<ResponseDone>();
        return await events.UntilAsync<ResponseDone>();
    }
}
