using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHire.Grains.Evaluation;
using SyncHire.Grains.Usage;
using SyncHire.Providers;
using Xunit;

namespace SyncHire.Grains.Tests.Evaluation;

public sealed class OpenAIInterviewEvaluatorTests
{
    private static readonly EvaluationInput Input = InterviewTranscripts.Crafted([90, 70, 110, 60, 80], followUps: [3]);

    [Fact]
    public async Task Invalid_answers_are_retried_until_a_valid_report_arrives()
    {
        var tokens = new CollectedTokens();
        await using var server = await ScriptedChatCompletionsServer.StartAsync(
            ScriptedReply.Answer("{\"overallImpression\": \"Ada was"),
            ScriptedReply.Answer(InterviewReportValidatorTests.With(r => r.Remove("improvements"))),
            ScriptedReply.Answer(InterviewReportValidatorTests.ValidJson));

        var report = await Evaluator(server, maxAttempts: 3).EvaluateAsync(Input, tokens, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(75, report.OverallScore);
        Assert.Equal(Recommendations.Hire, report.Recommendation);
        Assert.Equal(["Practise explaining how an index speeds up a query.", "Prepare an example of production monitoring."], report.Improvements);
        Assert.Equal("gpt-4o-mini-2024-07-18", report.GeneratedBy);
        Assert.Equal(FixedTimeProvider.Instant, report.GeneratedAt);
        // Every answer was billed, the rejected ones too: each completion's usage is counted.
        Assert.Equal([.. Enumerable.Repeat(new TokenUsage(900, 250, Cached: 768) { Model = "gpt-4o-mini-2024-07-18" }, 3)], tokens.Reports);
    }

    [Fact]
    public async Task After_the_last_invalid_answer_the_evaluator_gives_up_and_returns_nothing()
    {
        var tokens = new CollectedTokens();
        await using var server = await ScriptedChatCompletionsServer.StartAsync(
            ScriptedReply.Answer("not json at all"),
            ScriptedReply.HttpError(500),
            ScriptedReply.Answer(InterviewReportValidatorTests.With(r => r["recommendation"] = "No Hire", r => r["overallScore"] = 95)),
            ScriptedReply.Answer(InterviewReportValidatorTests.ValidJson));

        var failure = await Assert.ThrowsAsync<EvaluationFailedException>(
            () => Evaluator(server, maxAttempts: 3).EvaluateAsync(Input, tokens, TestContext.Current.CancellationToken));

        // The fourth (valid) reply is never asked for: three attempts, as configured.
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, failure.AttemptFailures.Count);
        Assert.Contains("not valid JSON", failure.AttemptFailures[0]);
        Assert.Contains("HTTP 500", failure.AttemptFailures[1]);
        Assert.Contains("contradicts recommendation \"No Hire\"", failure.AttemptFailures[2]);
        // No report, but two answers that cost tokens (the HTTP 500 reported none).
        Assert.Equal([.. Enumerable.Repeat(new TokenUsage(900, 250, Cached: 768) { Model = "gpt-4o-mini-2024-07-18" }, 2)], tokens.Reports);
    }

    [Fact]
    public async Task Refusals_and_answers_cut_off_at_the_token_limit_are_failed_attempts()
    {
        var tokens = new CollectedTokens();
        await using var server = await ScriptedChatCompletionsServer.StartAsync(
            ScriptedReply.Refused(),
            ScriptedReply.CutOff(InterviewReportValidatorTests.ValidJson));

        var failure = await Assert.ThrowsAsync<EvaluationFailedException>(
            () => Evaluator(server, maxAttempts: 2).EvaluateAsync(Input, tokens, TestContext.Current.CancellationToken));

        Assert.Equal(["attempt 1: the model refused to evaluate", "attempt 2: the answer was cut off at the token limit"], failure.AttemptFailures);
    }

    [Fact]
    public async Task The_request_asks_for_strict_structured_output_with_the_rubric_and_the_transcript()
    {
        var tokens = new CollectedTokens();
        await using var server = await ScriptedChatCompletionsServer.StartAsync(ScriptedReply.Answer(InterviewReportValidatorTests.ValidJson));

        await Evaluator(server, maxAttempts: 1).EvaluateAsync(Input, tokens, TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer sk-test-evaluation", Assert.Single(server.Authorizations));
        Assert.Equal("gpt-4o-mini", request["model"]!.GetValue<string>());
        var format = request["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal(InterviewReportSchema.Name, format["json_schema"]!["name"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(InterviewReportSchema.Json), format["json_schema"]!["schema"]));
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("clarity, relevance, depth and accuracy", Text(messages[0]!));
        Assert.Contains("Candidate (Q3): ", Text(messages[1]!));
        Assert.Contains("Q4. Tell me about a problem that took longer than expected.", Text(messages[1]!));
    }

    [Fact]
    public void Every_property_of_the_schema_is_required_and_no_other_is_allowed()
    {
        var schema = JsonNode.Parse(InterviewReportSchema.Json)!;
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).Order().ToList();
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order().ToList();

        Assert.Equal(properties, required);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(Recommendations.All, schema["properties"]!["recommendation"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        var assessment = schema["$defs"]!["assessment"]!;
        Assert.Equal(["justification", "score"], assessment["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.False(assessment["additionalProperties"]!.GetValue<bool>());
    }

    private static OpenAIInterviewEvaluator Evaluator(ScriptedChatCompletionsServer server, int maxAttempts) => new(
        new EvaluationOptions { Endpoint = server.Endpoint, MaxAttempts = maxAttempts, RetryDelay = TimeSpan.Zero },
        "sk-test-evaluation",
        new FixedTimeProvider(),
        NullLogger<OpenAIInterviewEvaluator>.Instance);

    /// <summary>A message's content, whether the client sent it as a string or as text parts.</summary>
    private static string Text(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        var content => content!.GetValue<string>(),
    };
}
