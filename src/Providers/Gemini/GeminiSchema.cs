using System.Text.Json.Nodes;

namespace SyncHire.Providers.Gemini;

/// <summary>
/// Turns a tool's JSON Schema into the OpenAPI-style Schema object Gemini function declarations accept. Gemini
/// rejects JSON Schema features such as "additionalProperties" and type arrays, so: type names become the upper-case
/// enum values, ["string","null"] becomes type STRING with nullable true, and keywords outside Gemini's Schema are dropped.
/// </summary>
public static class GeminiSchema
{
    private static readonly HashSet<string> CopiedKeywords =
    [
        "description", "format", "enum", "required", "minimum", "maximum", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "title", "nullable", "default", "example", "propertyOrdering",
    ];

    public static JsonObject FromJsonSchema(string jsonSchema)
    {
        var node = JsonNode.Parse(jsonSchema) as JsonObject
            ?? throw new ArgumentException("A tool's parameters must be a JSON Schema object.", nameof(jsonSchema));
        return Translate(node);
    }

    private static JsonObject Translate(JsonObject schema)
    {
        var result = new JsonObject();
        switch (schema["type"])
        {
            case JsonValue value when value.TryGetValue<string>(out var type):
                result["type"] = type.ToUpperInvariant();
                break;
            case JsonArray types:
                var named = types.Select(t => t?.GetValue<string>()).OfType<string>().ToList();
                var concrete = named.Where(t => t != "null").ToList();
                if (concrete.Count == 1)
                {
                    result["type"] = concrete[0].ToUpperInvariant();
                }
                else if (concrete.Count > 1)
                {
                    result["anyOf"] = new JsonArray([.. concrete.Select(t => (JsonNode)new JsonObject { ["type"] = t.ToUpperInvariant() })]);
                }

                if (named.Contains("null"))
                {
                    result["nullable"] = true;
                }

                break;
        }

        foreach (var (name, value) in schema)
        {
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "properties" when value is JsonObject properties:
                    var translated = new JsonObject();
                    foreach (var (property, propertySchema) in properties)
                    {
                        if (propertySchema is JsonObject propertyObject)
                        {
                            translated[property] = Translate(propertyObject);
                        }
                    }

                    result["properties"] = translated;
                    break;
                case "items" when value is JsonObject items:
                    result["items"] = Translate(items);
                    break;
                case "anyOf" or "oneOf" when value is JsonArray options:
                    result["anyOf"] = new JsonArray([.. options.OfType<JsonObject>().Select(o => (JsonNode)Translate(o))]);
                    break;
                case "nullable" when result.ContainsKey("nullable"):
                    break;
                case var copied when CopiedKeywords.Contains(copied):
                    result[name] = value.DeepClone();
                    break;
            }
        }

        return result;
    }
}
