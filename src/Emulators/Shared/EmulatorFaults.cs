using System.Collections.Concurrent;

namespace SyncHire.Emulators.Shared;

/// <summary>What an emulator should do wrong, for tests of the product's resilience.</summary>
public enum FaultKind
{
    /// <summary>Cut the socket without a close frame (a network drop).</summary>
    Drop,
    /// <summary>Send the provider's error event/status and keep going.</summary>
    Error,
    /// <summary>Hold every message by <see cref="EmulatorFault.Delay"/>.</summary>
    Delay,
    /// <summary>Refuse new connections (the provider is down).</summary>
    RefuseConnections,
    /// <summary>Gemini: send goAway, then close after <see cref="EmulatorFault.Delay"/>.</summary>
    GoAway,
}

/// <param name="AfterMessages">Fires once the session has received this many client messages (0: at once).</param>
public sealed record EmulatorFault(FaultKind Kind, int AfterMessages = 0, TimeSpan Delay = default, bool Once = true);

/// <summary>
/// Faults armed per emulator ("openai", "gemini", "pipeline"), shared by its sessions. Tests arm them in
/// process; the emulator host also exposes POST /_emulator/faults for out-of-process use (the benchmark).
/// </summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentDictionary<string, List<EmulatorFault>> _armed = new(StringComparer.OrdinalIgnoreCase);

    public void Arm(string emulator, EmulatorFault fault)
    {
        var list = _armed.GetOrAdd(emulator, _ => []);
        lock (list)
        {
            list.Add(fault);
        }
    }

    public void Clear(string emulator) => _armed.TryRemove(emulator, out _);

    /// <summary>The armed fault of <paramref name="kind"/> due after <paramref name="messagesReceived"/>, consumed if one-shot.</summary>
    public EmulatorFault? Take(string emulator, FaultKind kind, int messagesReceived)
    {
        if (!_armed.TryGetValue(emulator, out var list))
        {
            return null;
        }

        lock (list)
        {
            var fault = list.FirstOrDefault(f => f.Kind == kind && messagesReceived >= f.AfterMessages);
            if (fault is { Once: true })
            {
                list.Remove(fault);
            }

            return fault;
        }
    }

    /// <summary>Whether a fault of <paramref name="kind"/> is armed, without consuming it.</summary>
    public bool IsArmed(string emulator, FaultKind kind) =>
        _armed.TryGetValue(emulator, out var list) && list.Any(f => f.Kind == kind);
}
