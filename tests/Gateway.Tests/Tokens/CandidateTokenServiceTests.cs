using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tests.Infrastructure;
using SyncHire.Gateway.Tokens;

namespace SyncHire.Gateway.Tests.Tokens;

public sealed class CandidateTokenServiceTests
{
    private readonly CandidateTokenService _tokens = TokenFactory.WithRandomKey(TimeSpan.FromMinutes(10));

    [Fact]
    public async Task A_token_admits_its_own_interview_only()
    {
        var token = _tokens.Issue("interview-a");

        Assert.Equal(TokenCheck.Valid, await _tokens.CheckAsync(token.Value, "interview-a"));
        Assert.Equal(TokenCheck.WrongInterview, await _tokens.CheckAsync(token.Value, "interview-b"));
    }

    [Fact]
    public async Task A_token_lives_for_the_configured_lifetime()
    {
        var before = DateTimeOffset.UtcNow;

        var token = _tokens.Issue("interview-a");

        Assert.InRange(token.ExpiresAt - before, TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(TokenCheck.Valid, await _tokens.CheckAsync(token.Value, "interview-a"));
    }

    [Fact]
    public async Task An_expired_token_is_reported_as_expired()
    {
        var token = _tokens.Issue("interview-a", DateTimeOffset.UtcNow.AddMinutes(-2));

        Assert.Equal(TokenCheck.Expired, await _tokens.CheckAsync(token.Value, "interview-a"));
    }

    [Fact]
    public async Task A_tampered_token_is_invalid()
    {
        var parts = _tokens.Issue("interview-a").Value.Split('.');
        var otherPayload = _tokens.Issue("interview-b").Value.Split('.')[1];

        var tampered = string.Join('.', parts[0], otherPayload, parts[2]);

        Assert.Equal(TokenCheck.Invalid, await _tokens.CheckAsync(tampered, "interview-b"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_invalid()
    {
        var foreign = TokenFactory.WithRandomKey().Issue("interview-a");

        Assert.Equal(TokenCheck.Invalid, await _tokens.CheckAsync(foreign.Value, "interview-a"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task No_token_is_reported_as_missing(string? token)
    {
        Assert.Equal(TokenCheck.Missing, await _tokens.CheckAsync(token, "interview-a"));
    }

    [Fact]
    public async Task Gateways_sharing_a_configured_key_accept_each_others_tokens()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var options = Options.Create(new GatewayOptions());
        var first = new CandidateTokenService(TokenSigningKey.Resolve(key, inCluster: true), options, TimeProvider.System);
        var second = new CandidateTokenService(TokenSigningKey.Resolve(key, inCluster: true), options, TimeProvider.System);

        var token = first.Issue("interview-a");

        Assert.Equal(TokenCheck.Valid, await second.CheckAsync(token.Value, "interview-a"));
    }
}
