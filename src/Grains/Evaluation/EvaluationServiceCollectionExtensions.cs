using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SyncHire.Grains.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInterviewEvaluator"/> from section "Evaluation": the OpenAI evaluator when an API key is
    /// configured (Evaluation:ApiKey or OPENAI_API_KEY), else the offline one. The offline evaluator is registered
    /// in its own right either way, as the fallback when the model fails. Bad settings fail here, at startup.
    /// </summary>
    public static IServiceCollection AddInterviewEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(EvaluationOptions.SectionName).Get<EvaluationOptions>() ?? new EvaluationOptions();
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<OfflineInterviewEvaluator>();
        if (options.ResolveApiKey() is { } apiKey)
        {
            services.TryAddSingleton<IInterviewEvaluator>(provider => new OpenAIInterviewEvaluator(
                options, apiKey, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<OpenAIInterviewEvaluator>>()));
        }
        else
        {
            services.TryAddSingleton<IInterviewEvaluator>(provider => provider.GetRequiredService<OfflineInterviewEvaluator>());
        }

        return services;
    }
}
