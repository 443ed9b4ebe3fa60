namespace SyncHire.Grains.Interfaces;

/// <summary>The realtime providers an interview can ask for.</summary>
public static class ProviderNames
{
    public const string Offline = "offline";
    public const string OpenAI = "openai";
    public const string Gemini = "gemini";
    public const string Pipeline = "pipeline";

    public static readonly IReadOnlyList<string> All = [Offline, OpenAI, Gemini, Pipeline];
}
