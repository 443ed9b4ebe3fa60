using SyncHire.Grains.Cv;

namespace SyncHire.Gateway.Cv;

public static class CvUploadServiceCollectionExtensions
{
    /// <summary>
    /// CV uploads at the gateway: the extractor with its limits (section "Cv") and the multipart reader. Registered
    /// on every gateway, whatever its role, because the file arrives here and only its text goes to the grain.
    /// </summary>
    public static IServiceCollection AddCvUploads(this IServiceCollection services)
    {
        services.AddCvExtraction();
        services.AddSingleton<CvUploadReader>();
        return services;
    }
}
