using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Grains.Evaluation;
using Xunit;

namespace SyncHire.Grains.Tests.Evaluation;

public sealed class EvaluationRegistrationTests
{
    [Fact]
    public void A_configured_key_selects_the_model_evaluator_and_keeps_the_offline_one_as_fallback()
    {
        using var services = Build(new() { ["Evaluation:ApiKey"] = "sk-configured", ["Evaluation:Endpoint"] = "http://127.0.0.1:9/v1" });

        Assert.IsType<OpenAIInterviewEvaluator>(services.GetRequiredService<IInterviewEvaluator>());
        Assert.NotNull(services.GetRequiredService<OfflineInterviewEvaluator>());
    }

    [Fact]
    public void Without_any_key_the_offline_evaluator_is_used()
    {
        using var services = Build([]);

        // OPENAI_API_KEY in the environment is also a configured key, by design.
        var expected = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_API_KEY"))
            ? typeof(OfflineInterviewEvaluator)
            : typeof(OpenAIInterviewEvaluator);
        Assert.IsType(expected, services.GetRequiredService<IInterviewEvaluator>());
    }

    [Theory]
    [InlineData("Evaluation:MaxAttempts", "0", "Evaluation:MaxAttempts must be within 1..10.")]
    [InlineData("Evaluation:Model", " ", "Evaluation:Model must name a model.")]
    [InlineData("Evaluation:MaxTranscriptCharacters", "100", "Evaluation:MaxTranscriptCharacters must be within 2000..400000.")]
    public void Bad_settings_fail_validation_naming_the_setting(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EvaluationOptions>>().Value);

        Assert.Equal(message, failure.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging(l => l.ClearProviders()).AddSingleton<IConfiguration>(configuration)
            .AddInterviewEvaluation().BuildServiceProvider();
    }
}
