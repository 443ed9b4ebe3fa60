using System.Text.Json;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// Plays the grain's part against a session: reads its events in order and answers its tool calls from the test
/// questions the way InterviewGrain does (fetch returns the next question, or done; stores are acknowledged).
/// </summary>
internal sealed class PipelineInterviewDriver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IRealtimeSession _session;
    private readonly IReadOnlyList<string> _questions;
    private readonly CancellationTokenSource _timeout;
    private readonly IAsyncEnumerator<ProviderEvent> _events;
    private int _nextQuestion;

    public PipelineInterviewDriver(IRealtimeSession session, IReadOnlyList<string> questions)
    {
        _session = session;
        _questions = questions;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _timeout.CancelAfter(Patience);
        _events = session.Events.GetAsyncEnumerator(_timeout.Token);
    }

    public CancellationToken Token => _timeout.Token;

    public List<ProviderEvent> Events { get; } = [];

    public List<StoreAnswerArguments> StoredAnswers { get; } = [];

    /// <summary>When false, tool calls are read but not answered (the test answers them itself).</summary>
    public bool AnswerToolCalls { get; set; } = true;

    /// <summary>Reads (answering tool calls) up to and including the first event that matches.</summary>
    public async Task<List<ProviderEvent>> ReadUntilAsync(Func<ProviderEvent, bool> stopAt)
    {
        var read = new List<ProviderEvent>();
        while (true)
        {
            var next = await TryReadAsync() ?? throw new InvalidOperationException(
                $"The session's event stream ended after: {string.Join(", ", read.Select(e => e.GetType().Name))}");
            read.Add(next);
            if (stopAt(next))
            {
                return read;
            }
        }
    }

    public async Task<PipelineResponse> ReadResponseAsync() => new(await ReadUntilAsync(e => e is ResponseDone));

    /// <summary>Everything until the stream ends (after a fatal error).</summary>
    public async Task<List<ProviderEvent>> ReadToEndAsync()
    {
        var read = new List<ProviderEvent>();
        while (await TryReadAsync() is { } next)
        {
            read.Add(next);
        }

        return read;
    }

    public async Task<ProviderEvent?> TryReadAsync()
    {
        if (!await _events.MoveNextAsync())
        {
            return null;
        }

        var current = _events.Current;
        Events.Add(current);
        if (current is ToolCall call && AnswerToolCalls)
        {
            await _session.SendToolResultAsync(call.CallId, Answer(call), Token);
        }

        return current;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _timeout.Dispose();
    }

    private string Answer(ToolCall call)
    {
        switch (call.Name)
        {
            case InterviewTools.FetchNextQuestion:
                var index = _nextQuestion;
                if (index >= _questions.Count)
                {
                    return Serialize(new NextQuestionResult(Done: true, Total: _questions.Count));
                }

                _nextQuestion++;
                return Serialize(new NextQuestionResult(false, _questions.Count, $"q{index + 1}", index, _questions[index]));

            case InterviewTools.StoreAnswer:
                StoredAnswers.Add(JsonSerializer.Deserialize<StoreAnswerArguments>(call.ArgumentsJson, InterviewTools.JsonOptions)!);
                return InterviewTools.OkResult;

            default:
                return InterviewTools.OkResult;
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, InterviewTools.JsonOptions);
}

/// <summary>The events of one interviewer response and the candidate and tool events just before it.</summary>
internal sealed record PipelineResponse(List<ProviderEvent> Events)
{
    public ResponseDone Done => Events.OfType<ResponseDone>().Single();

    public IReadOnlyList<AudioDelta> Audio => [.. Events.OfType<AudioDelta>()];

    public int AudioBytes => Audio.Sum(chunk => chunk.Pcm16Mono24k.Length);

    public string? SpokenTranscript => Events.OfType<OutputTranscriptDelta>().SingleOrDefault(d => d.IsFinal)?.Text;

    public string? CandidateTranscript => Events.OfType<InputTranscriptDelta>().SingleOrDefault(d => d.IsFinal)?.Text;

    public IReadOnlyList<ToolCall> ToolCalls => [.. Events.OfType<ToolCall>()];
}
