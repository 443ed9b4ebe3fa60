using System.Text;
using System.Text.Json;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// The "metadata" of a new interview: the platform's own references, kept small and flat so they fit in every
/// listing and webhook without becoming a second data store.
/// </summary>
internal static class InterviewMetadataRule
{
    public const int MaxKeys = 20;
    public const int MaxTotalBytes = 1024;
    public const int MaxKeyLength = 64;

    public static IReadOnlyDictionary<string, string> Check(JsonElement? value, Dictionary<string, string[]> errors)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return metadata;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["metadata"] = ["metadata must be a JSON object of string values."];
            return metadata;
        }

        var totalBytes = 0;
        foreach (var property in element.EnumerateObject())
        {
            var field = $"metadata.{property.Name}";
            if (property.Name.Length is 0 or > MaxKeyLength || property.Name.Any(char.IsControl))
            {
                errors["metadata"] = [$"metadata keys must be 1–{MaxKeyLength} characters without control characters."];
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors[field] = [$"{field} must be a string (metadata is flat: no numbers, objects or arrays)."];
                continue;
            }

            var text = property.Value.GetString()!;
            if (text.Any(char.IsControl))
            {
                errors[field] = [$"{field} must not contain control characters."];
                continue;
            }

            totalBytes += Encoding.UTF8.GetByteCount(property.Name) + Encoding.UTF8.GetByteCount(text);
            metadata[property.Name] = text;
        }

        if (metadata.Count > MaxKeys)
        {
            errors["metadata"] = [$"metadata may have at most {MaxKeys} keys; it has {metadata.Count}."];
        }
        else if (totalBytes > MaxTotalBytes)
        {
            errors["metadata"] = [$"metadata keys and values may total at most {MaxTotalBytes} bytes (UTF-8); they total {totalBytes}."];
        }

        return metadata;
    }
}
