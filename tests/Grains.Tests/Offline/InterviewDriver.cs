using System.Text.Json;
using SyncHire.Providers;
using Xunit;

namespace SyncHire.Grains.Tests.Offline;

/// <summary>
/// Plays the grain's part against a session: reads its events in order and answers its tool calls from a list of
/// questions, the way InterviewGrain does (fetch returns the next question, or done; stores are acknowledged).
/// </summary>
internal sealed class InterviewDriver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IRealtimeSession _session;
    private readonly IReadOnlyList<string> _questions;
    private readonly CancellationTokenSource _timeout;
    private readonly IAsyncEnumerator<ProviderEvent> _events;
    private int _nextQuestion;

    public InterviewDriver(IRealtimeSession session, IReadOnlyList<string> questions, int firstQuestion = 0)
    {
        _session = session;
        _questions = questions;
        _nextQuestion = firstQuestion;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _timeout.CancelAfter(Patience);
        _events = session.Events.GetAsyncEnumerator(_timeout.Token);
    }

    public CancellationToken Token => _timeout.Token;

    /// <summary>Every event read so far, in order.</summary>
    public List<ProviderEvent> Events { get; } = [];

    public List<ToolCall> ToolCalls { get; } = [];

    public List<StoreAnswerArguments> StoredAnswers { get; } = [];

    public List<EndInterviewArguments> EndRequests { get; } = [];

    /// <summary>Reads (answering tool calls) up to and including the first event that matches; returns them.</summary>
    public async Task<List<ProviderEvent>> ReadUntilAsync(Func<ProviderEvent, bool> stopAt)
    {
        var read = new List<ProviderEvent>();
        while (true)
        {
            var next = await ReadAsync();
            read.Add(next);
            if (stopAt(next))
            {
                return read;
            }
        }
    }

    /// <summary>Reads one whole interviewer response and whatever precedes it.</summary>
    public async Task<SpokenResponse> ReadResponseAsync() => new(await ReadUntilAsync(e => e is ResponseDone));

    /// <summary>The next event, or null when the stream has ended.</summary>
    public async Task<ProviderEvent?> TryReadAsync()
    {
        if (!await _events.MoveNextAsync())
        {
            return null;
        }

        var current = _events.Current;
        Events.Add(current);
        if (current is ToolCall call)
        {
            ToolCalls.Add(call);
            await _session.SendToolResultAsync(call.CallId, Answer(call), Token);
        }

        return current;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _timeout.Dispose();
    }

    private async Task<ProviderEvent> ReadAsync() =>
        await TryReadAsync() ?? throw new InvalidOperationException("The session's event stream ended.");

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
                StoredAnswers.Add(Deserialize<StoreAnswerArguments>(call.ArgumentsJson));
                return InterviewTools.OkResult;

            case InterviewTools.EndInterview:
                EndRequests.Add(Deserialize<EndInterviewArguments>(call.ArgumentsJson));
                return InterviewTools.OkResult;

            default:
                throw new InvalidOperationException($"The offline interviewer called an unexpected tool: {call.Name}");
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, InterviewTools.JsonOptions);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, InterviewTools.JsonOptions) ?? throw new InvalidOperationException($"null {typeof(T).Name}");
}

/// <summary>The events of one interviewer response (and the tool calls and candidate events just before it).</summary>
internal sealed record SpokenResponse(List<ProviderEvent> Events)
{
    public ResponseDone Done => Events.OfType<ResponseDone>().Single();

    public string Text => Done.Text ?? "";

    public IReadOnlyList<AudioDelta> Audio => Events.OfType<AudioDelta>().ToList();

    public int AudioBytes => Audio.Sum(chunk => chunk.Pcm16Mono24k.Length);

    public string PartialTranscript => string.Concat(Events.OfType<OutputTranscriptDelta>().Where(d => !d.IsFinal).Select(d => d.Text));

    public string? FinalTranscript => Events.OfType<OutputTranscriptDelta>().SingleOrDefault(d => d.IsFinal)?.Text;

    public IReadOnlyList<ToolCall> ToolCalls => Events.OfType<ToolCall>().ToList();

    public string? CandidateTranscript => Events.OfType<InputTranscriptDelta>().SingleOrDefault(d => d.IsFinal)?.Text;
}
