using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InvitationService"/> with its options: section "Invitations" (Lifetime) and
    /// "Gateway:PublicBaseUrl", checked at startup. Needs the platform store (IInvitationStore).
    /// </summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationOptions>()
            .Bind(configuration.GetSection(InvitationOptions.SectionName))
            .Configure(options =>
            {
                var publicBaseUrl = configuration["Gateway:PublicBaseUrl"];
                if (!string.IsNullOrWhiteSpace(publicBaseUrl))
                {
                    options.PublicBaseUrl = Uri.TryCreate(publicBaseUrl.Trim(), UriKind.Absolute, out var url)
                        ? url
                        : throw new InvalidOperationException("Gateway:PublicBaseUrl must be an absolute http(s) URL, like https://interviews.example.com.");
                }
            })
            .Validate(options =>
            {
                options.EnsureValid();
                return true;
            })
            .ValidateOnStart();
        services.AddSingleton<InvitationService>();
        return services;
    }
}
