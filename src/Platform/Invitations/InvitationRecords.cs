namespace SyncHire.Platform.Invitations;

/// <summary>A new invitation. <see cref="Token"/> (32 URL-safe characters) exists only here: the store keeps its hash.</summary>
public sealed record IssuedInvitation(string Token, string InterviewId, string TenantId, DateTimeOffset ExpiresAt);

/// <summary>What a valid invitation token opens.</summary>
public sealed record InvitationGrant(string InterviewId, string TenantId, DateTimeOffset ExpiresAt);
