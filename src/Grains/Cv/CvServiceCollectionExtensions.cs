using Microsoft.Extensions.Configuration;
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
    public static IServiceCollection AddCvExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CvOptions>()
            .Bind(configuration.GetSection(CvOptions.SectionName))
            .Validate(o => o.MaxBytes > 0, "Cv:MaxBytes must be positive.")
            .Validate(o => o.MaxPages > 0, "Cv:MaxPages must be positive.")
            .Validate(o => o.MaxDiscardedUploadBytes >= o.MaxBytes, "Cv:MaxDiscardedUploadBytes must be at least Cv:MaxBytes.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Cv:Timeout must be positive.")
            .Validate(o => o.PromptMaxChars > 0, "Cv:PromptMaxChars must be positive.")
            .Validate(o => o.MaxExtractedChars >= o.PromptMaxChars, "Cv:MaxExtractedChars must be at least Cv:PromptMaxChars.")
            .Validate(o => o.Pdf.MemoryLimitBytes >= 16 * 1024 * 1024, "Cv:Pdf:MemoryLimitBytes must be at least 16 MB.")
            .Validate(o => o.Docx.MaxEntries > 0, "Cv:Docx:MaxEntries must be positive.")
            .Validate(o => o.Docx.MaxUncompressedBytes > 0, "Cv:Docx:MaxUncompressedBytes must be positive.")
            .Validate(o => o.Docx.MaxCompressionRatio > 0, "Cv:Docx:MaxCompressionRatio must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(sp => PopplerTools.Locate(sp.GetRequiredService<IOptions<CvOptions>>().Value.Pdf.ToolsDirectory));
        services.TryAddSingleton<PopplerPdfTextReader>();
        services.TryAddSingleton<ICvTextExtractor, CvTextExtractor>();
        services.AddHostedService<CvPdfAvailabilityCheck>();
        return services;
    }
}
