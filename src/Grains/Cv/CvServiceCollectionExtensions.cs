using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Cv.Pdf;

namespace SyncHire.Grains.Cv;

public static class CvServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICvTextExtractor"/> with its limits (section "Cv", validated at startup) and a startup
    /// warning when the PDF tools are missing.
    /// </summary>
    public static IServiceCollection AddCvExtraction(this IServiceCollection services)
    {
        services.AddOptions<CvOptions>().BindConfiguration(CvOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CvOptions>, CvOptionsValidator>());

        services.TryAddSingleton(sp => PopplerTools.Locate(sp.GetRequiredService<IOptions<CvOptions>>().Value.Pdf.ToolsDirectory));
        services.TryAddSingleton<PopplerPdfTextReader>();
        services.TryAddSingleton<ICvTextExtractor, CvTextExtractor>();
        services.AddHostedService<CvPdfAvailabilityCheck>();
        return services;
    }
}
