using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// Streams a response's output items the GA way and adds them to the conversation: an assistant audio message
/// (audio and transcript deltas, paced like speech, stopping where a cancel finds it) and a function call.
/// </summary>
internal sealed class ResponseOutput(RealtimeConversation conversation, RealtimeEventWriter events, EmulatorOptions options, CancellationToken lifetime)
{
    private const int OutputRate = RealtimeSessionConfig.PcmRate;

    /// <summary>Streams one assistant audio message; returns its final item, the text actually spoken and the audio sent.</summary>
    public async Task<(JsonNode Item, string Heard, TimeSpan Audio)> SpeakAsync(ActiveResponse response, int outputIndex, string text)
    {
        var itemId = NewId("item");
        var pcm = EmulatedSpeech.Synthesize(text, OutputRate);
        var entry = new ConversationEntry(itemId, new ConversationItem.AssistantMessage(text)) { SpokenText = text, SpokenMs = (int)(pcm.Length * 1000L / 2 / OutputRate) };
        var previous = conversation.Append(entry);

        var part = new { response_id = response.Id, item_id = itemId, output_index = outputIndex, content_index = 0 };
        var started = MessageItem(itemId, "in_progress", []);
        await events.SendAsync(Event("response.output_item.added", ("response_id", response.Id), ("output_index", outputIndex), ("item", started.DeepClone())));
        await events.SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", started)));
        await events.SendAsync(PartEvent("response.content_part.added", part, ("part", new JsonObject { ["type"] = "audio", ["transcript"] = "" })));

        var words = text.Split(' ');
        var chunkBytes = Math.Max(2, (int)(OutputRate * options.AudioChunk.TotalSeconds) * 2);
        var chunks = (pcm.Length + chunkBytes - 1) / chunkBytes;
        int sentChunks = 0, sentWords = 0, sentBytes = 0;
        try
        {
            await foreach (var chunk in AudioPacer.ChunksAsync(pcm, OutputRate, options, response.Stop))
            {
                await events.SendAsync(PartEvent("response.output_audio.delta", part, ("delta", Convert.ToBase64String(chunk.Span))));
                sentBytes += chunk.Length;
                conversation.SetAudioSent(entry, (int)(sentBytes * 1000L / 2 / OutputRate));

                // The transcript keeps pace with the audio: the words due by the end of this chunk.
                var dueWords = (int)Math.Ceiling((double)words.Length * ++sentChunks / chunks);
                if (dueWords > sentWords)
                {
                    var delta = string.Join(' ', words[sentWords..dueWords]);
                    await events.SendAsync(PartEvent("response.output_audio_transcript.delta", part, ("delta", sentWords == 0 ? delta : " " + delta)));
                    sentWords = dueWords;
                }

                if (response.Cancelling)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (response.Cancelling && !lifetime.IsCancellationRequested)
        {
            // Cancelled while pacing: the message ends where the audio stopped.
        }

        var cancelled = response.Cancelling;
        var heard = cancelled ? string.Join(' ', words[..sentWords]) : text;
        conversation.Replace(entry, new ConversationItem.AssistantMessage(heard));

        await events.SendAsync(PartEvent("response.output_audio.done", part));
        await events.SendAsync(PartEvent("response.output_audio_transcript.done", part, ("transcript", heard)));
        await events.SendAsync(PartEvent("response.content_part.done", part, ("part", new JsonObject { ["type"] = "audio", ["transcript"] = heard })));
        var done = MessageItem(itemId, cancelled ? "incomplete" : "completed", [new JsonObject { ["type"] = "output_audio", ["transcript"] = heard }]);
        await events.SendAsync(Event("response.output_item.done", ("response_id", response.Id), ("output_index", outputIndex), ("item", done.DeepClone())));
        await events.SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", done.DeepClone())));
        return (done, heard, TimeSpan.FromSeconds(sentBytes / 2.0 / OutputRate));
    }

    /// <summary>Streams one function call (its arguments in one delta); returns its final item.</summary>
    public async Task<JsonNode> CallFunctionAsync(ActiveResponse response, int outputIndex, ModelFunctionCall call)
    {
        var itemId = NewId("item");
        var callId = NewId("call");
        var previous = conversation.LastItemId();

        JsonObject Item(string status, string arguments) => new()
        {
            ["id"] = itemId,
            ["object"] = "realtime.item",
            ["type"] = "function_call",
            ["status"] = status,
            ["name"] = call.Name,
            ["call_id"] = callId,
            ["arguments"] = arguments,
        };

        var started = Item("in_progress", "");
        await events.SendAsync(Event("response.output_item.added", ("response_id", response.Id), ("output_index", outputIndex), ("item", started.DeepClone())));
        await events.SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", started)));
        (string, JsonNode?)[] location = [("response_id", response.Id), ("item_id", itemId), ("output_index", outputIndex), ("call_id", callId)];
        await events.SendAsync(Event("response.function_call_arguments.delta", [.. location, ("delta", call.ArgumentsJson)]));
        await events.SendAsync(Event("response.function_call_arguments.done", [.. location, ("name", call.Name), ("arguments", call.ArgumentsJson)]));
        conversation.Append(new ConversationEntry(itemId, new ConversationItem.FunctionCall(callId, call.Name, call.ArgumentsJson)));

        var done = Item("completed", call.ArgumentsJson);
        await events.SendAsync(Event("response.output_item.done", ("response_id", response.Id), ("output_index", outputIndex), ("item", done.DeepClone())));
        await events.SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", done.DeepClone())));
        return done;
    }
}
