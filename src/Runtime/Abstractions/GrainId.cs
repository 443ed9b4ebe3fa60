namespace SyncHire.Runtime;

/// <summary>
/// The cluster-wide identity of a grain: the grain type name plus its key. The directory table is keyed by
/// <see cref="ToString"/>, so the format is part of the storage schema.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }
}
