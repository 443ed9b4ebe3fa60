namespace SyncHire.Platform.Invitations;

/// <summary>
/// Invitation links: a long-lived bearer token for one interview, from which the candidate's web app obtains the
/// short-lived connect token. Looking a token up does not consume it (the candidate may reload the page).
/// </summary>
public interface IInvitationStore
{
    /// <summary>Issues a token valid until <paramref name="expiresAt"/>.</summary>
    Task<IssuedInvitation> CreateInvitationAsync(string tenantId, string interviewId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The interview the token opens; null when unknown, expired at <paramref name="now"/>, or revoked.</summary>
    Task<InvitationGrant?> RedeemInvitationAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every invitation of the interview. Returns how many were still unrevoked.</summary>
    Task<int> RevokeInvitationsAsync(string tenantId, string interviewId, DateTimeOffset now, CancellationToken cancellationToken);
}
