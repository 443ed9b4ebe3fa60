using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInterviewEvaluator"/> from section "Evaluation" (validated at start): the OpenAI evaluator
    /// when an API key is configured (Evaluation:ApiKey or OPENAI_API_KEY), else the offline one. The offline
    /// evaluator is registered in its own right either way, as the fallback when the model fails.
    /// </summary>
    public static IServiceCollection AddInterviewEvaluation(this IServiceCollection services)
    {
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvaluationOptions>, EvaluationOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OfflineInterviewEvaluator>();
        services.TryAddSingleton<IInterviewEvaluator>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EvaluationOptions>>().Value;
            return options.ResolveApiKey() is { } apiKey
                ? new OpenAIInterviewEvaluator(
                    options, apiKey, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<OpenAIInterviewEvaluator>>())
                : provider.GetRequiredService<OfflineInterviewEvaluator>();
        });
        return services;
    }
}
