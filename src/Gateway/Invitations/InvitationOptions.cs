namespace SyncHire.Gateway.Invitations;

/// <summary>Configuration section "Invitations": the links a platform sends candidates (their address is "Gateway:PublicBaseUrl").</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>How long an invitation link stays valid; platforms usually invite days before the interview.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
