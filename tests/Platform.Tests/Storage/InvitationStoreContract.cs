using Xunit;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>The platform store's InvitationStore behaviour, run on every engine (see the classes at the end).</summary>
public abstract class InvitationStoreContract<TEngine> : PlatformStoreContract<TEngine>
    where TEngine : ITestEngine
{
    [Fact]
    public async Task AnInvitationOpensItsInterviewUntilItExpiresAndOnlyItsHashIsStored()
    {
        var store = await NewStoreAsync();
        var expiresAt = T0.AddDays(7);

        var invitation = await store.CreateInvitationAsync("acme", "iv-1", expiresAt, Ct);

        Assert.Matches("^[A-Za-z0-9_-]{32}$", invitation.Token);
        Assert.Equal(new("iv-1", "acme", expiresAt), await store.RedeemInvitationAsync(invitation.Token, T0, Ct));
        Assert.NotNull(await store.RedeemInvitationAsync(invitation.Token, expiresAt - TimeSpan.FromMilliseconds(1), Ct));
        Assert.Null(await store.RedeemInvitationAsync(invitation.Token, expiresAt, Ct));
        Assert.DoesNotContain(invitation.Token, await DumpTableAsync("platform_invitations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingAnInterviewsInvitationsClosesEveryLinkOfThatInterviewOnly()
    {
        var store = await NewStoreAsync();
        var first = await store.CreateInvitationAsync("acme", "iv-1", T0.AddDays(7), Ct);
        var resent = await store.CreateInvitationAsync("acme", "iv-1", T0.AddDays(7), Ct);
        var other = await store.CreateInvitationAsync("acme", "iv-2", T0.AddDays(7), Ct);

        Assert.Equal(0, await store.RevokeInvitationsAsync("globex", "iv-1", T0, Ct));
        Assert.NotNull(await store.RedeemInvitationAsync(first.Token, T0, Ct));
        Assert.Equal(2, await store.RevokeInvitationsAsync("acme", "iv-1", T0, Ct));
        Assert.Equal(0, await store.RevokeInvitationsAsync("acme", "iv-1", T0, Ct));

        Assert.Null(await store.RedeemInvitationAsync(first.Token, T0, Ct));
        Assert.Null(await store.RedeemInvitationAsync(resent.Token, T0, Ct));
        Assert.Equal("iv-2", (await store.RedeemInvitationAsync(other.Token, T0, Ct))?.InterviewId);
    }

    [Fact]
    public async Task UnknownOrMalformedInvitationTokensOpenNothing()
    {
        var store = await NewStoreAsync();
        var invitation = await store.CreateInvitationAsync("acme", "iv-1", T0.AddDays(7), Ct);

        Assert.Null(await store.RedeemInvitationAsync(null, T0, Ct));
        Assert.Null(await store.RedeemInvitationAsync("", T0, Ct));
        Assert.Null(await store.RedeemInvitationAsync(invitation.Token.ToUpperInvariant() + "x", T0, Ct));
        Assert.Null(await store.RedeemInvitationAsync(new string('a', 100_000), T0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateInvitationAsync("acme", "", T0.AddDays(7), Ct));
    }
}

public sealed class InvitationStoreOnSqlite : InvitationStoreContract<SqliteEngine>;

public sealed class InvitationStoreOnPostgres : InvitationStoreContract<PostgresEngine>;
