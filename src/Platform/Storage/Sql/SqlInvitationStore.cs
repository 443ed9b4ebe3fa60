using SyncHire.Platform.Invitations;
using SyncHire.Platform.Security;
using SyncHire.Platform.Tenants;

using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>Invitation links (platform_invitations): issued per interview, stored as hashes, redeemed and revoked.</summary>
internal sealed class SqlInvitationStore(SqlDialect dialect) : IInvitationStore
{
    /// <summary>Longest token looked up; real ones are <see cref="SecretTokens.TokenLength"/>.</summary>
    private const int MaxPresentedTokenLength = 256;

    public async Task<IssuedInvitation> CreateInvitationAsync(string tenantId, string interviewId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        TenantIds.Require(tenantId);
        RequireText(interviewId, MaxIdLength, nameof(interviewId));

        var token = SecretTokens.NewToken();
        var invitation = new IssuedInvitation(token, interviewId, tenantId, FromMs(ToMs(expiresAt)));
        await dialect.ExecuteAsync(
            """
            INSERT INTO platform_invitations (token_hash, interview_id, tenant_id, created_at_ms, expires_at_ms)
            VALUES (@hash, @interview, @tenant, @now, @expires)
            """,
            command =>
            {
                command.AddParameter("hash", SecretTokens.Hash(token));
                command.AddParameter("interview", interviewId);
                command.AddParameter("tenant", tenantId);
                command.AddParameter("now", ToMs(DateTimeOffset.UtcNow));
                command.AddParameter("expires", ToMs(expiresAt));
            },
            cancellationToken);
        return invitation;
    }

    public async Task<InvitationGrant?> RedeemInvitationAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxPresentedTokenLength)
        {
            return null;
        }

        var rows = await dialect.ReadAsync(
            """
            SELECT interview_id, tenant_id, expires_at_ms FROM platform_invitations
            WHERE token_hash = @hash AND revoked_at_ms IS NULL AND expires_at_ms > @now
            """,
            command =>
            {
                command.AddParameter("hash", SecretTokens.Hash(token));
                command.AddParameter("now", ToMs(now));
            },
            reader => new InvitationGrant(reader.GetString(0), reader.GetString(1), FromMs(reader.GetInt64(2))),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<int> RevokeInvitationsAsync(string tenantId, string interviewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(interviewId);
        return dialect.ExecuteAsync(
            "UPDATE platform_invitations SET revoked_at_ms = @now WHERE tenant_id = @tenant AND interview_id = @interview AND revoked_at_ms IS NULL",
            command =>
            {
                command.AddParameter("now", ToMs(now));
                command.AddParameter("tenant", tenantId);
                command.AddParameter("interview", interviewId);
            },
            cancellationToken);
    }
}
