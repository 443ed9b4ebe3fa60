using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHire.Bench;

/// <summary>JSON between the benchmark's processes: web naming, and NaN/Infinity allowed (a percentile of nothing).</summary>
public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
