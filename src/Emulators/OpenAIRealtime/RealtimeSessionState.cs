using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The session's identity and its configuration (instructions, voice, formats, turn detection, tools) as
/// `session.update` last left it. The receive loop updates it while a response's task reads it, hence the lock.
/// </summary>
internal sealed class RealtimeSessionState(string model)
{
    private readonly Lock _gate = new();
    private RealtimeSessionConfig _config = new() { Model = model };

    public string Id { get; } = NewId("sess");

    public RealtimeSessionConfig Current
    {
        get
        {
            lock (_gate)
            {
                return _config;
            }
        }
    }

    /// <summary>Applies a `session.update`'s session object; returns the configuration before and after it.</summary>
    /// <exception cref="RealtimeProtocolException">A field the API refuses; nothing changes.</exception>
    public (RealtimeSessionConfig Before, RealtimeSessionConfig After) Apply(System.Text.Json.Nodes.JsonObject session, bool assistantAudioPresent)
    {
        lock (_gate)
        {
            var before = _config;
            _config = before.Apply(session, assistantAudioPresent);
            return (before, _config);
        }
    }
}
