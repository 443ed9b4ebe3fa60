using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Integrations.LiveKit;

/// <summary>
/// Issues LiveKit access tokens. No call to LiveKit is needed: the server trusts any JWT signed with the project's
/// API secret, so issuing is signing. The room need not exist; LiveKit creates it when the first participant joins.
/// </summary>
public sealed class LiveKitTokenIssuer(IOptions<LiveKitOptions> options, TimeProvider time)
{
    /// <summary>The room an interview is held in; LiveKit agent dispatch rules match the "interview-" prefix.</summary>
    public static string RoomFor(string interviewId) => $"interview-{interviewId}";

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>A token that lets <paramref name="identity"/> join the interview's room and publish and subscribe.</summary>
    /// <exception cref="InvalidOperationException">The integration is not configured.</exception>
    public LiveKitAccessToken Issue(string interviewId, string identity, string? displayName)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("LiveKit is not configured (LiveKit:ApiKey, LiveKit:ApiSecret, LiveKit:Url).");
        }

        // Whole seconds: JWT times are NumericDate, so the returned expiry is exactly what the token carries.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + settings.TokenLifetime;
        var room = RoomFor(interviewId);
        var claims = new LiveKitClaims(settings.ApiKey!, identity, displayName, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(),
            new LiveKitVideoGrant(room, RoomJoin: true, CanPublish: true, CanSubscribe: true, CanPublishData: true));
        return new LiveKitAccessToken(HmacJwt.Sign(claims, settings.ApiSecret!), room, identity, expires);
    }
}
