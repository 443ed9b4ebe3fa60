namespace SyncHire.Runtime.Messaging;

/// <summary>
/// The silo's internal HTTP surface. Calls: POST {silo}/_runtime/invoke/{type}/{key}/{method} with a JSON array
/// of arguments; 200 with the JSON result, 421 with <see cref="OwnerHeader"/> when another silo owns the grain,
/// 503 while the silo stops, 500 with a <see cref="RemoteError"/>. Connections: a WebSocket at
/// {silo}/_runtime/connect/{type}/{key} with the same status codes before the upgrade.
/// </summary>
internal static class RemoteCallProtocol
{
    public const string InvokePrefix = "/_runtime/invoke";
    public const string ConnectPrefix = "/_runtime/connect";
    public const string SecretHeader = "X-SyncHire-Cluster-Secret";
    public const string OwnerHeader = "X-SyncHire-Grain-Owner";
    public const int MisdirectedStatus = 421;

    public static string InvokePath(GrainId grainId, string method) =>
        $"{InvokePrefix}/{Uri.EscapeDataString(grainId.Type)}/{Uri.EscapeDataString(grainId.Key)}/{Uri.EscapeDataString(method)}";

    public static string ConnectPath(GrainId grainId) =>
        $"{ConnectPrefix}/{Uri.EscapeDataString(grainId.Type)}/{Uri.EscapeDataString(grainId.Key)}";
}

/// <summary>An exception thrown by grain code, carried across processes.</summary>
internal sealed record RemoteError(string Type, string Message);
