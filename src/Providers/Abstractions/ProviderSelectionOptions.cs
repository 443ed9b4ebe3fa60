namespace SyncHire.Providers;

/// <summary>
/// Which provider interviews talk to, bound from the "Interviews" section (the keys operators already set) and checked
/// against the registered plugins at start by <see cref="ProviderSelectionValidator"/>.
/// </summary>
public sealed class ProviderSelectionOptions
{
    public const string SectionName = "Interviews";

    /// <summary>
    /// The provider an interview uses when it names none (or one that is not configured here). A plugin may offer
    /// itself as the default when configuration names none (the offline interviewer does: it needs no key).
    /// </summary>
    public string? DefaultProvider { get; set; }

    /// <summary>The provider to fail over to when the interview's own cannot be reached; null: none.</summary>
    public string? FallbackProvider { get; set; }
}
