using System.Text.Json;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>The hand-written `realtimeInput.audio` message is the JSON the Live API documents, for any frame length.</summary>
public sealed class GeminiAudioInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(640)]
    [InlineData(641)]
    public void The_message_carries_the_audio_as_base64_pcm_at_16_kHz(int length)
    {
        var pcm = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        using var message = JsonDocument.Parse(GeminiAudioInput.Encode(pcm));

        var input = Assert.Single(message.RootElement.EnumerateObject());
        Assert.Equal("realtimeInput", input.Name);
        var audio = input.Value.GetProperty("audio");
        Assert.Equal("audio/pcm;rate=16000", audio.GetProperty("mimeType").GetString());
        Assert.Equal(pcm, audio.GetProperty("data").GetBytesFromBase64());
    }
}
