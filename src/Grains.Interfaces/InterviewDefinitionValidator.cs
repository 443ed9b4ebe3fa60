namespace SyncHire.Grains.Interfaces;

/// <summary>
/// Checks an interview definition before anything is stored. Each failure is an <see cref="ArgumentException"/>
/// naming the field, so the API can tell the integrator exactly what to fix.
/// </summary>
public static class InterviewDefinitionValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxProviderNameLength = 50;

    public static void Validate(InterviewDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RequireText(definition.CandidateName, nameof(definition.CandidateName), InterviewLimits.MaxNameLength);
        if (string.IsNullOrWhiteSpace(definition.JobTitle) && string.IsNullOrWhiteSpace(definition.SkillTopic))
        {
            throw new ArgumentException("JobTitle or SkillTopic is required: the interview needs a role or a topic.", nameof(definition.JobTitle));
        }

        OptionalText(definition.JobTitle, nameof(definition.JobTitle), MaxTitleLength);
        OptionalText(definition.SkillTopic, nameof(definition.SkillTopic), MaxTitleLength);
        OptionalText(definition.Provider, nameof(definition.Provider), MaxProviderNameLength);
        OptionalText(definition.TenantId, nameof(definition.TenantId), MaxTitleLength);

        if (!Enum.IsDefined(definition.Level))
        {
            throw new ArgumentException($"Level {(int)definition.Level} is not one of beginner, intermediate, advanced.", nameof(definition.Level));
        }

        if (definition.MaxDurationMinutes is < 1 or > InterviewLimits.MaxDurationMinutes)
        {
            throw new ArgumentException(
                $"MaxDurationMinutes must be between 1 and {InterviewLimits.MaxDurationMinutes}; got {definition.MaxDurationMinutes}.",
                nameof(definition.MaxDurationMinutes));
        }

        if (definition.Questions is null)
        {
            throw new ArgumentException("Questions must be a list (empty to build them from topic and level).", nameof(definition.Questions));
        }

        if (definition.Questions.Count > InterviewLimits.MaxQuestions)
        {
            throw new ArgumentException(
                $"Questions may hold at most {InterviewLimits.MaxQuestions} questions; got {definition.Questions.Count}.",
                nameof(definition.Questions));
        }

        for (var i = 0; i < definition.Questions.Count; i++)
        {
            RequireText(definition.Questions[i], $"{nameof(definition.Questions)}[{i}]", InterviewLimits.MaxQuestionLength);
        }
    }

    private static void RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required.", field);
        }

        OptionalText(value, field, maxLength);
    }

    private static void OptionalText(string? value, string field, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            throw new ArgumentException($"{field} may be at most {maxLength} characters; got {value.Trim().Length}.", field);
        }

        if (value is not null && value.Any(char.IsControl))
        {
            throw new ArgumentException($"{field} must not contain control characters.", field);
        }
    }
}
