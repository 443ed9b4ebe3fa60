using System.Text.Json;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Webhooks;

namespace SyncHire.Gateway.Interviews;

/// <summary>Checks a <see cref="CreateInterviewRequest"/> and turns it into an <see cref="InterviewDefinition"/>.</summary>
public static class CreateInterviewValidator
{
    /// <summary>
    /// Returns the definition, or null with <paramref name="errors"/> naming each bad field (camelCase, as sent;
    /// questions[i] for one question). <paramref name="webhooks"/> says which webhook addresses are allowed;
    /// <paramref name="providers"/> which provider names exist (the provider registry's, registered by the plugins).
    /// </summary>
    public static InterviewDefinition? Validate(
        CreateInterviewRequest request, WebhookOptions webhooks, IReadOnlyCollection<string> providers, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var candidateName = request.CandidateName?.Trim();
        var jobTitle = Normalise(request.JobTitle);
        var skillTopic = Normalise(request.SkillTopic);

        if (string.IsNullOrEmpty(candidateName))
        {
            errors["candidateName"] = ["candidateName is required."];
        }
        else
        {
            CheckText(errors, "candidateName", candidateName, InterviewLimits.MaxNameLength);
        }

        if (jobTitle is null && skillTopic is null)
        {
            errors["jobTitle"] = ["Give a jobTitle or a skillTopic."];
        }
        else
        {
            CheckText(errors, "jobTitle", jobTitle, InterviewDefinitionValidator.MaxTitleLength);
            CheckText(errors, "skillTopic", skillTopic, InterviewDefinitionValidator.MaxTitleLength);
        }

        var level = ParseLevel(request.Level);
        if (level is null)
        {
            errors["level"] = ["level must be one of beginner, intermediate, advanced."];
        }

        var questions = ValidateQuestions(request.Questions, errors);

        if (request.MaxDurationMinutes is < 1 or > InterviewLimits.MaxDurationMinutes)
        {
            errors["maxDurationMinutes"] = [$"maxDurationMinutes must be between 1 and {InterviewLimits.MaxDurationMinutes}."];
        }

        var provider = Normalise(request.Provider)?.ToLowerInvariant();
        if (provider is not null && !providers.Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            errors["provider"] = [$"provider must be one of {string.Join(", ", providers)}."];
        }

        var voice = CheckIdentifier(errors, "voice", request.Voice);
        var model = CheckIdentifier(errors, "model", request.Model);
        var turnDetection = ValidateTurnDetection(request.TurnDetection, errors);
        var language = InterviewLanguageRule.Check(request.Language, errors);
        var webhookUrl = WebhookUrlRule.Check(request.WebhookUrl, webhooks.PrivateNetworksAllowed, errors);
        var metadata = InterviewMetadataRule.Check(request.Metadata, errors);

        if (errors.Count > 0)
        {
            return null;
        }

        var definition = new InterviewDefinition
        {
            CandidateName = candidateName!,
            JobTitle = jobTitle,
            SkillTopic = skillTopic,
            Level = level!.Value,
            Questions = questions,
            MaxDurationMinutes = request.MaxDurationMinutes ?? InterviewLimits.MaxDurationMinutes,
            Provider = provider,
            Voice = voice,
            Model = model,
            TurnDetection = turnDetection,
            Language = language,
            WebhookUrl = webhookUrl,
            Metadata = metadata,
        };

        // The grain enforces the domain's own rules too; checking them here turns a rule added there into a 400
        // naming the field rather than a failed grain call.
        try
        {
            InterviewDefinitionValidator.Validate(definition);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName is { } name ? JsonNamingPolicy.CamelCase.ConvertName(name) : "request";
            errors[field] = [e.Message.Split(" (Parameter", 2)[0]];
            return null;
        }

        return definition;
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Voice and model names go to the provider as they are: short, plain identifiers only.</summary>
    private static string? CheckIdentifier(Dictionary<string, string[]> errors, string field, string? value)
    {
        var trimmed = Normalise(value);
        if (trimmed is not null && (trimmed.Length > 100 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')))
        {
            errors[field] = [$"{field} must be at most 100 letters, digits, '-', '_', '.' or ':'."];
        }

        return trimmed;
    }

    private static TurnDetectionSettings? ValidateTurnDetection(TurnDetectionRequest? request, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            return null;
        }

        TurnDetectionMode? mode = Normalise(request.Mode)?.ToLowerInvariant() switch
        {
            null or "server_vad" => TurnDetectionMode.ServerVad,
            "push_to_talk" or "none" => TurnDetectionMode.PushToTalk,
            _ => null,
        };
        if (mode is null)
        {
            errors["turnDetection.mode"] = ["turnDetection.mode must be server_vad or push_to_talk."];
        }

        if (request.Threshold is < 0 or > 1)
        {
            errors["turnDetection.threshold"] = ["turnDetection.threshold must be between 0 and 1."];
        }

        if (request.PrefixPaddingMs is < 0 or > 2000)
        {
            errors["turnDetection.prefixPaddingMs"] = ["turnDetection.prefixPaddingMs must be between 0 and 2000."];
        }

        if (request.SilenceDurationMs is < 100 or > 5000)
        {
            errors["turnDetection.silenceDurationMs"] = ["turnDetection.silenceDurationMs must be between 100 and 5000."];
        }

        return mode is null ? null : new TurnDetectionSettings(mode.Value, request.Threshold, request.PrefixPaddingMs, request.SilenceDurationMs);
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors[field] = [$"{field} must be at most {maxLength} characters."];
        }
        else if (HasControlCharacter(value))
        {
            errors[field] = [$"{field} must not contain control characters."];
        }
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static InterviewLevel? ParseLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        null or "" or "intermediate" => InterviewLevel.Intermediate,
        "beginner" => InterviewLevel.Beginner,
        "advanced" => InterviewLevel.Advanced,
        _ => null,
    };

    private static List<string> ValidateQuestions(IReadOnlyList<string?>? questions, Dictionary<string, string[]> errors)
    {
        var valid = new List<string>();
        if (questions is null)
        {
            return valid;
        }

        if (questions.Count > InterviewLimits.MaxQuestions)
        {
            errors["questions"] = [$"At most {InterviewLimits.MaxQuestions} questions; {questions.Count} were given."];
            return valid;
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i]?.Trim();
            var field = $"questions[{i}]";
            if (string.IsNullOrEmpty(question))
            {
                errors[field] = ["A question must not be empty."];
                continue;
            }

            CheckText(errors, field, question, InterviewLimits.MaxQuestionLength);
            valid.Add(question);
        }

        return valid;
    }
}
