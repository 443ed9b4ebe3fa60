using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators;

/// <summary>Every emulator, mapped on one host.</summary>
public static class EmulatorRoutes
{
    public static void MapAll(WebApplication app, EmulatorOptions options)
    {
        OpenAIHttp.OpenAIHttpEmulator.Map(app, options);
        OpenAIRealtime.OpenAIRealtimeEmulator.Map(app, options);
        GeminiLive.GeminiLiveEndpoint.MapGeminiLive(app, options);
    }
}
