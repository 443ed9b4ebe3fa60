using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>One item of the server-side conversation; <see cref="Item"/> is what the model reads (null for system items).</summary>
/// <remarks>Its mutable parts change only under <see cref="RealtimeConversation"/>'s lock.</remarks>
internal sealed class ConversationEntry(string id, ConversationItem? item)
{
    public string Id { get; } = id;

    public ConversationItem? Item { get; set; } = item;

    /// <summary>The text the assistant said in full, before any truncation.</summary>
    public string? SpokenText { get; init; }

    /// <summary>The length of the whole spoken text's audio, in milliseconds.</summary>
    public int SpokenMs { get; init; }

    /// <summary>The candidate's speech a user audio item holds (zero for any other item): the model hears it as audio.</summary>
    public TimeSpan InputAudio { get; init; }

    /// <summary>Assistant audio generated for this item so far, in milliseconds.</summary>
    public int AudioMs { get; set; }
}
