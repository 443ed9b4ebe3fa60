using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHire.Gateway.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InvitationService"/> with its options (section "Invitations"), checked at startup. Needs
    /// the platform store (IInvitationStore) and the gateway's options (Gateway:PublicBaseUrl).
    /// </summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvitationOptions>, InvitationOptionsValidator>());
        services.AddSingleton<InvitationService>();
        return services;
    }
}
