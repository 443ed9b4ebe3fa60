using System.Text.Json;
using SyncHire.Audio;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// Plays the grain's part against a session: reads events in order and answers tool calls the way InterviewGrain
/// does (fetch_next_question returns the next test question or done; stores are acknowledged and recorded).
/// </summary>
internal sealed class GeminiDriver : IAsyncDisposable
{
    public static readonly string[] Questions =
    [
        "Tell me about a system you designed.",
        "How do you test a distributed service?",
        "Describe a production incident you handled.",
    ];

    private const int FrameBytes = 16_000 / 50 * 2;

    private readonly IRealtimeSession _session;
    private readonly CancellationTokenSource _timeout;
    private readonly IAsyncEnumerator<ProviderEvent> _events;
    private int _nextQuestion;

    public GeminiDriver(IRealtimeSession session)
    {
        _session = session;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _timeout.CancelAfter(TimeSpan.FromSeconds(60));
        _events = session.Events.GetAsyncEnumerator(_timeout.Token);
    }

    public CancellationToken Token => _timeout.Token;

    public List<ProviderEvent> Events { get; } = [];

    public List<StoreAnswerArguments> StoredAnswers { get; } = [];

    /// <summary>When false, tool calls are read but left unanswered.</summary>
    public bool AnswerToolCalls { get; set; } = true;

    public async Task<List<ProviderEvent>> ReadUntilAsync(Func<ProviderEvent, bool> stopAt)
    {
        var read = new List<ProviderEvent>();
        while (true)
        {
            var next = await TryReadAsync() ?? throw new InvalidOperationException(
                $"The event stream ended after: {string.Join(", ", read.Select(e => e.ToString()))}");
            read.Add(next);
            if (stopAt(next))
            {
                return read;
            }
        }
    }

    /// <summary>Everything up to and including the next uncancelled ResponseDone.</summary>
    public Task<List<ProviderEvent>> ReadResponseAsync() => ReadUntilAsync(e => e is ResponseDone { Cancelled: false });

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

    /// <summary>Speech (a tone) framed in silence, sent in 20 ms frames like the browser's.</summary>
    public async Task SpeakAsync(TimeSpan speech)
    {
        byte[] audio = [.. Silence(TimeSpan.FromMilliseconds(200)), .. Tone(speech), .. Silence(TimeSpan.FromSeconds(1))];
        for (var offset = 0; offset < audio.Length; offset += FrameBytes)
        {
            await _session.SendAudioAsync(audio.AsMemory(offset, Math.Min(FrameBytes, audio.Length - offset)), Token);
        }
    }

    public static byte[] Tone(TimeSpan duration)
    {
        var samples = new short[(int)(duration.TotalSeconds * 16_000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(0.3 * short.MaxValue * Math.Sin(2 * Math.PI * 220 * i / 16_000));
        }

        return Pcm16.ToBytes(samples);
    }

    public static byte[] Silence(TimeSpan duration) => new byte[(int)(duration.TotalSeconds * 16_000) * 2];

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
                if (index >= Questions.Length)
                {
                    return JsonSerializer.Serialize(new NextQuestionResult(Done: true, Total: Questions.Length), InterviewTools.JsonOptions);
                }

                _nextQuestion++;
                return JsonSerializer.Serialize(new NextQuestionResult(false, Questions.Length, $"q{index + 1}", index, Questions[index]),
                    InterviewTools.JsonOptions);
            case InterviewTools.StoreAnswer:
                StoredAnswers.Add(JsonSerializer.Deserialize<StoreAnswerArguments>(call.ArgumentsJson, InterviewTools.JsonOptions)!);
                return InterviewTools.OkResult;
            default:
                return InterviewTools.OkResult;
        }
    }
}
