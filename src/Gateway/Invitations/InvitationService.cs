using Microsoft.Extensions.Options;
using SyncHire.Platform.Invitations;

namespace SyncHire.Gateway.Invitations;

/// <summary>
/// Issues and revokes invitation links: one interview each, valid for <see cref="InvitationOptions.Lifetime"/>,
/// at <c>{public base}/join/{token}</c>. The token is shown once; the store keeps only its hash.
/// </summary>
public sealed class InvitationService(
    IInvitationStore store, IOptions<InvitationOptions> options, IOptions<GatewayOptions> gateway, TimeProvider time)
{
    /// <summary>The web app's path for an invitation; POST /api/join/{token} redeems the same token.</summary>
    public const string JoinPath = "join";

    /// <summary>Issues an invitation for the tenant's interview (the caller has checked that it is theirs).</summary>
    public async Task<InvitationResponse> CreateAsync(string tenantId, string interviewId, HttpRequest request, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow() + options.Value.Lifetime;
        var invitation = await store.CreateInvitationAsync(tenantId, interviewId, expiresAt, cancellationToken);
        return new InvitationResponse($"{BaseUrl(request)}/{JoinPath}/{invitation.Token}", invitation.ExpiresAt);
    }

    /// <summary>Revokes every invitation of the interview; returns how many were still valid or unexpired.</summary>
    public Task<int> RevokeAsync(string tenantId, string interviewId, CancellationToken cancellationToken) =>
        store.RevokeInvitationsAsync(tenantId, interviewId, time.GetUtcNow(), cancellationToken);

    /// <summary>The interview the token opens; null when it is unknown, expired or revoked.</summary>
    public Task<InvitationGrant?> RedeemAsync(string token, CancellationToken cancellationToken) =>
        store.RedeemInvitationAsync(token, time.GetUtcNow(), cancellationToken);

    private string BaseUrl(HttpRequest request) =>
        gateway.Value.PublicBaseUrl is { } configured
            ? configured.ToString().TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
