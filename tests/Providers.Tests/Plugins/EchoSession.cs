using System.Threading.Channels;

namespace SyncHire.Providers.Tests.Plugins;

/// <summary>
/// Greets the candidate by name and answers each turn by saying what it heard (text answers verbatim, a spoken
/// turn by how much audio arrived), as text with no audio: enough to show an interview running through a plugin.
/// </summary>
internal sealed class EchoSession(InterviewBrief brief) : IRealtimeSession
{
    private readonly Channel<ProviderEvent> _events = Channel.CreateUnbounded<ProviderEvent>();
    private long _audioBytes;

    public IAsyncEnumerable<ProviderEvent> Events => _events.Reader.ReadAllAsync();

    public static string Greeting(string candidateName) => $"Hello {candidateName}, this is the echo interviewer.";

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> pcm16Mono16k, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _audioBytes, pcm16Mono16k.Length);
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitTurnAsync(CancellationToken cancellationToken) =>
        Say($"I heard {Interlocked.Exchange(ref _audioBytes, 0)} bytes of audio.");

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => Say($"You wrote: {text}");

    public ValueTask CreateResponseAsync(CancellationToken cancellationToken) => Say(Greeting(brief.CandidateName));

    public ValueTask CancelResponseAsync(TimeSpan audioPlayed, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask UpdateInstructionsAsync(string instructions, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SendToolResultAsync(string callId, string resultJson, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private ValueTask Say(string text)
    {
        _events.Writer.TryWrite(new ResponseStarted());
        _events.Writer.TryWrite(new OutputTranscriptDelta(text, IsFinal: true));
        _events.Writer.TryWrite(new ResponseDone(text));
        return ValueTask.CompletedTask;
    }
}
