namespace SyncHire.Gateway.Invitations;

/// <summary>Configuration section "Invitations": the links a platform sends candidates.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>How long an invitation link stays valid; platforms usually invite days before the interview.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The public address of the candidate web app and this API ("Gateway:PublicBaseUrl", e.g.
    /// https://interviews.example.com); null: taken from each request, which is right unless a proxy rewrites the host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Fails startup on a setting that would issue unusable links, naming it.</summary>
    public void EnsureValid()
    {
        if (Lifetime <= TimeSpan.Zero || Lifetime > TimeSpan.FromDays(365))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(Lifetime)} must be between 00:00:01 and 365.00:00:00.");
        }

        if (PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query)))
        {
            throw new InvalidOperationException($"Gateway:PublicBaseUrl must be an absolute http(s) URL without a query, like https://interviews.example.com.");
        }
    }
}
