using System.Diagnostics.CodeAnalysis;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Session resumption: which logical conversation a connection continues (a new one, or the one its setup's handle
/// stands for), and, when the client asked for resumption, a sessionResumptionUpdate around every model turn: not
/// resumable while the model generates, then a fresh handle saving the conversation as it stands.
/// </summary>
internal sealed class LiveSessionResumption
{
    private readonly GeminiLiveEmulator _emulator;
    private readonly LiveMessageWriter _writer;
    private readonly bool _enabled;

    private LiveSessionResumption(GeminiLiveEmulator emulator, LiveMessageWriter writer, bool enabled, string conversationId,
        IReadOnlyList<ConversationItem> history, string? resumedFrom)
    {
        _emulator = emulator;
        _writer = writer;
        _enabled = enabled;
        ConversationId = conversationId;
        History = history;
        ResumedFrom = resumedFrom;
    }

    /// <summary>Shared by every connection of one logical conversation.</summary>
    public string ConversationId { get; }

    /// <summary>The conversation so far: empty for a new one, as the handle saved it for a resumed one.</summary>
    public IReadOnlyList<ConversationItem> History { get; }

    /// <summary>The handle this connection resumed, or null for a new conversation.</summary>
    public string? ResumedFrom { get; }

    /// <summary>Starts or resumes the conversation <paramref name="setup"/> asks for; false when its handle is unknown.</summary>
    public static bool TryOpen(GeminiLiveEmulator emulator, LiveMessageWriter writer, LiveSetup setup, [NotNullWhen(true)] out LiveSessionResumption? session)
    {
        if (setup.ResumeHandle is not { } handle)
        {
            session = new LiveSessionResumption(emulator, writer, setup.SessionResumption, "c-" + Guid.NewGuid().ToString("N"), [], null);
            return true;
        }

        if (!emulator.TryResume(handle, out var state))
        {
            session = null;
            return false;
        }

        session = new LiveSessionResumption(emulator, writer, setup.SessionResumption, state.ConversationId, state.Conversation, handle);
        return true;
    }

    /// <summary>A sessionResumptionUpdate, when the client asked for them: resumable with a new handle, or not resumable.</summary>
    public async Task SendUpdateAsync(LiveConversation conversation, bool resumable)
    {
        if (!_enabled)
        {
            return;
        }

        string? handle = null;
        if (resumable)
        {
            handle = _emulator.Save(ConversationId, conversation.Snapshot());
        }

        await _writer.SendAsync(LiveServerMessages.ResumptionUpdate(handle));
    }
}
