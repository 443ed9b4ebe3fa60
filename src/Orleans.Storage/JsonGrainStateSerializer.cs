using System.Text.Json;
using Orleans.Storage;

namespace SyncHire.OrleansStorage;

/// <summary>
/// Grain state as plain JSON (System.Text.Json, web defaults), read back into the declared type. Orleans' default
/// JSON serializer writes .NET type names into the payload and refuses to read types it has not been told to allow,
/// such as the collections C# collection expressions produce; state here is plain records, so no type names are
/// needed, and the stored rows stay readable by an operator.
/// </summary>
internal sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options);
}
