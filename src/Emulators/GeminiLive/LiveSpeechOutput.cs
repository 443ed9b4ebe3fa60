using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Streams what the model says as serverContent: audio chunks paced like speech, with the output transcription
/// keeping pace alongside when the client asked for it, stopping where an interruption finds it. What was said is
/// added to the conversation.
/// </summary>
internal sealed class LiveSpeechOutput(LiveSetup setup, LiveConversation conversation, LiveMessageWriter writer, EmulatorOptions options)
{
    public async Task SpeakAsync(string text, LiveTurnUsage usage, CancellationToken cancellationToken)
    {
        var pcm = EmulatedSpeech.Synthesize(text, GeminiLiveProtocol.OutputSampleRate);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var chunkBytes = (int)(GeminiLiveProtocol.OutputSampleRate * options.AudioChunk.TotalSeconds) * 2;
        var chunkCount = (pcm.Length + chunkBytes - 1) / chunkBytes;
        var chunk = 0;
        var wordsSent = 0;
        try
        {
            await foreach (var audio in AudioPacer.ChunksAsync(pcm, GeminiLiveProtocol.OutputSampleRate, options, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.SendAsync(LiveServerMessages.Audio(audio.Span));
                usage.Said(TimeSpan.FromSeconds(audio.Length / 2.0 / GeminiLiveProtocol.OutputSampleRate));
                chunk++;
                var due = words.Length * chunk / chunkCount;
                if (setup.OutputTranscription && due > wordsSent)
                {
                    var piece = string.Join(' ', words[wordsSent..due]);
                    await writer.SendAsync(LiveServerMessages.OutputTranscription(wordsSent == 0 ? piece : " " + piece));
                }

                wordsSent = Math.Max(wordsSent, due);
            }
        }
        finally
        {
            // What was said (all of it, or up to the interruption) is what the model remembers saying.
            if (wordsSent > 0)
            {
                conversation.Add(new ConversationItem.AssistantMessage(string.Join(' ', words[..wordsSent])));
            }
        }
    }
}
