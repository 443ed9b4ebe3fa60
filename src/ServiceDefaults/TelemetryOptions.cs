namespace SyncHire.ServiceDefaults;

/// <summary>Configuration section "Telemetry": where telemetry goes besides the /metrics scrape.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>An OpenTelemetry collector (e.g. http://otel-collector:4317) that metrics and traces are pushed to; empty: none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service name telemetry is reported under.</summary>
    public string ServiceName { get; set; } = "synchire";

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
