using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The server-side conversation: its items in order, what the model reads of them, and the record the tests read.
/// The receive loop (client items, commits, truncation) and a response's task (the items it speaks) both change it,
/// so every read and write holds its lock; each change is recorded as it happens.
/// </summary>
internal sealed class RealtimeConversation(RecordedRealtimeSession record)
{
    private readonly Lock _gate = new();
    private readonly List<ConversationEntry> _entries = [];

    /// <summary>Whether any assistant audio has been generated: the output format can no longer change.</summary>
    public bool HasAssistantAudio
    {
        get
        {
            lock (_gate)
            {
                return _entries.Any(e => e.AudioMs > 0);
            }
        }
    }

    public string? LastItemId()
    {
        lock (_gate)
        {
            return LastItemIdLocked();
        }
    }

    /// <summary>Adds an entry at the end; returns the ID of the item before it (null when it is the first).</summary>
    public string? Append(ConversationEntry entry)
    {
        lock (_gate)
        {
            var previous = LastItemIdLocked();
            _entries.Add(entry);
            RecordLocked();
            return previous;
        }
    }

    /// <summary>A client-created item: as <see cref="Append"/>, refused when its ID is taken.</summary>
    public string? AppendNew(ConversationEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Any(e => e.Id == entry.Id))
            {
                throw RealtimeProtocolException.InvalidRequest("item_id_already_exists", $"Item with id '{entry.Id}' already exists.", "item.id");
            }

            var previous = LastItemIdLocked();
            _entries.Add(entry);
            RecordLocked();
            return previous;
        }
    }

    public void Delete(string? id)
    {
        lock (_gate)
        {
            if (_entries.RemoveAll(e => e.Id == id) == 0)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value", $"Item with item_id '{id}' not found.", "item_id");
            }

            RecordLocked();
        }
    }

    /// <summary>How much of an assistant message's audio has been sent so far.</summary>
    public void SetAudioSent(ConversationEntry entry, int audioMs)
    {
        lock (_gate)
        {
            entry.AudioMs = audioMs;
        }
    }

    /// <summary>What the model remembers of an entry from now on (an assistant message cut short by a cancel).</summary>
    public void Replace(ConversationEntry entry, ConversationItem item)
    {
        lock (_gate)
        {
            entry.Item = item;
            RecordLocked();
        }
    }

    /// <summary>`conversation.item.truncate`: the client heard only <paramref name="audioEndMs"/> of an assistant message.</summary>
    public void Truncate(string itemId, int contentIndex, int audioEndMs)
    {
        lock (_gate)
        {
            var entry = _entries.FirstOrDefault(e => e.Id == itemId)
                ?? throw RealtimeProtocolException.InvalidRequest("invalid_value", $"Item with item_id '{itemId}' not found.", "item_id");
            if (entry.SpokenText is not { } spoken || contentIndex != 0)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value", "Only the audio content of an assistant message can be truncated.", "item_id");
            }

            if (audioEndMs < 0 || audioEndMs > entry.AudioMs)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Audio content of {entry.AudioMs}ms is already shorter than {audioEndMs}ms", "audio_end_ms");
            }

            // The model remembers saying only what was heard: the words in proportion to the audio played.
            var words = spoken.Split(' ');
            var heard = (int)Math.Ceiling((double)words.Length * audioEndMs / Math.Max(1, entry.SpokenMs));
            entry.Item = new ConversationItem.AssistantMessage(string.Join(' ', words[..Math.Min(heard, words.Length)]));
            RecordLocked();
        }
    }

    /// <summary>
    /// What a response starting now reads, taken together: the items the model sees and what they cost as a prompt
    /// (the instructions and the conversation so far).
    /// </summary>
    public (IReadOnlyList<ConversationItem> Items, RealtimeUsage.Prompt Prompt) ReadForResponse(RealtimeSessionConfig config)
    {
        lock (_gate)
        {
            return ([.. ModelItemsLocked()], PromptLocked(config));
        }
    }

    private RealtimeUsage.Prompt PromptLocked(RealtimeSessionConfig config)
    {
        int text = EmulatedTokens.Text(config.Instructions), audio = 0;
        foreach (var entry in _entries)
        {
            if (entry.InputAudio > TimeSpan.Zero)
            {
                audio += EmulatedTokens.Audio(entry.InputAudio, RealtimeUsage.InputAudioTokensPerSecond);
                continue;
            }

            text += entry.Item switch
            {
                ConversationItem.UserMessage user => EmulatedTokens.Text(user.Text),
                ConversationItem.AssistantMessage assistant => EmulatedTokens.Text(assistant.Text),
                ConversationItem.FunctionCall call => EmulatedTokens.Text(call.Name) + EmulatedTokens.Text(call.ArgumentsJson),
                ConversationItem.FunctionOutput result => EmulatedTokens.Text(result.OutputJson),
                _ => 0,
            };
        }

        return new RealtimeUsage.Prompt(config.Instructions, text, audio);
    }

    private IEnumerable<ConversationItem> ModelItemsLocked() => _entries.Select(e => e.Item).OfType<ConversationItem>();

    private string? LastItemIdLocked() => _entries.Count > 0 ? _entries[^1].Id : null;

    private void RecordLocked() => record.RecordConversation([.. ModelItemsLocked()]);
}
