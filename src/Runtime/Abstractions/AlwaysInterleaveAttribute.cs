namespace SyncHire.Runtime;

/// <summary>
/// Marks a grain interface method that may run while another call holds the activation's turn
/// (read-only queries, for instance). Everything else is turn-based: one call at a time per activation.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
