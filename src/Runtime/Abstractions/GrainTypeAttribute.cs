namespace SyncHire.Runtime;

/// <summary>
/// The stable type name a grain interface is stored and routed under. Without it the interface name less its
/// leading 'I' is used (IInterviewGrain → InterviewGrain). Renaming a type without keeping its name orphans state.
/// </summary>
[AttributeUsage(AttributeTargets.Interface)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
