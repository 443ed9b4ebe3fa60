using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SyncHire.Gateway.Interviews;

namespace SyncHire.Gateway.Cv;

/// <summary>
/// Reads the fields of a multipart create (POST /api/interviews with a CV) as the JSON body they stand for, so the
/// form accepts exactly what the JSON endpoint accepts and is validated by the same validator. A field is named as
/// the JSON property: repeated <c>questions</c> fields (or <c>questions[]</c>) make the list, in order; a
/// dotted name (<c>turnDetection.mode</c>, <c>metadata.team</c>) sets a nested value; a value that is a JSON object
/// (<c>metadata={"team":"core"}</c>) is taken as one; numbers may be written as text.
/// </summary>
public static class InterviewForm
{
    private const string QuestionsField = "questions";

    /// <summary>The request, or null with <paramref name="errors"/> naming each field that could not be read.</summary>
    public static CreateInterviewRequest? Read(IFormCollection form, JsonSerializerOptions jsonOptions, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var body = new JsonObject();
        var questions = new JsonArray();
        foreach (var (key, values) in form)
        {
            if (IsQuestionsField(key))
            {
                foreach (var question in values)
                {
                    questions.Add(question);
                }

                continue;
            }

            var value = values.Count == 1 ? values[0] : null;
            if (values.Count > 1)
            {
                errors[key] = [$"{key} was given {values.Count} times; give it once."];
                continue;
            }

            SetPath(body, key.Split('.'), ToNode(value));
        }

        if (questions.Count > 0)
        {
            body[QuestionsField] = questions;
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var options = new JsonSerializerOptions(jsonOptions) { NumberHandling = JsonNumberHandling.AllowReadingFromString };
        try
        {
            return body.Deserialize<CreateInterviewRequest>(options);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "form";
            errors[field] = [$"{field} has the wrong type: {e.Message.Split(" Path:", 2)[0]}"];
            return null;
        }
    }

    private static bool IsQuestionsField(string key) => key is QuestionsField or QuestionsField + "[]";

    private static JsonNode? ToNode(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > 1 } && trimmed[0] == '{' && trimmed[^1] == '}')
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
                // Not JSON after all: the validator sees it as the text it is.
            }
        }

        return value is null ? null : JsonValue.Create(value);
    }

    private static void SetPath(JsonObject body, string[] path, JsonNode? value)
    {
        var target = body;
        foreach (var segment in path[..^1])
        {
            if (target[segment] is not JsonObject child)
            {
                child = new JsonObject();
                target[segment] = child;
            }

            target = child;
        }

        target[path[^1]] = value;
    }
}
