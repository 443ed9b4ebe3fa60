using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Health;

/// <summary>GET /health, in the exact shape of the backend guide (seeds/004), hence the snake_case name.</summary>
/// <param name="Timestamp">ISO 8601 UTC, written like every WebSocket event's timestamp.</param>
public sealed record HealthResponse(
    string Status,
    string Timestamp,
    [property: JsonPropertyName("active_connections")] int ActiveConnections);
