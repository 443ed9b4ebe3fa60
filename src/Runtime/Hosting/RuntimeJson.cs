using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHire.Runtime.Hosting;

/// <summary>JSON for grain state and cross-process grain calls: web defaults, enums as strings.</summary>
public static class RuntimeJson
{
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
