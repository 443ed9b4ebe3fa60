namespace SyncHire.Audio.Speech;

/// <summary>Picks the best voice this machine has: espeak-ng when it runs, otherwise the synthetic voice.</summary>
public static class TextToSpeechFactory
{
    public static ITextToSpeech CreateDefault()
    {
        var espeak = new EspeakTextToSpeech();
        return espeak.IsAvailable ? espeak : new SyntheticVoice();
    }
}
