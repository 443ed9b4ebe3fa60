namespace SyncHire.TestSupport.Fakes;

/// <summary>Text the fakes put in their error bodies, so a test can prove an upstream body never reaches a client.</summary>
public static class UpstreamLeak
{
    public const string Marker = "upstream-body-must-not-leak";
}
