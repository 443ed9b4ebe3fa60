using System.Text;
using System.Text.Json;
using SyncHire.Audio;
using SyncHire.Providers.Gemini;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// The fast path for the model's voice: a message that is only model audio is decoded by hand, exactly as the
/// general path would decode it; a message that carries anything else is left whole for the general path.
/// </summary>
public sealed class GeminiModelAudioTests
{
    private static readonly byte[] Pcm = Enumerable.Range(0, 4801).Select(i => (byte)(i * 251 + 7)).ToArray();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_message_that_is_only_model_audio_is_decoded_to_its_pcm(bool escaped, bool dataFirst)
    {
        var base64 = Convert.ToBase64String(Pcm);
        Assert.Contains('+', base64); // So escaping really escapes something.
        var data = escaped ? base64.Replace("+", "\\u002B", StringComparison.Ordinal) : base64;
        var fields = dataFirst
            ? $"\"data\":\"{data}\",\"mimeType\":\"audio/pcm;rate=24000\""
            : $"\"mimeType\":\"audio/pcm;rate=24000\",\"data\":\"{data}\"";

        using var message = Parse(AudioMessage(fields));

        Assert.True(message.IsModelAudio);
        Assert.Equal(Pcm, Assert.Single(message.ModelAudio).ToArray());
    }

    [Fact]
    public void The_emulators_audio_message_takes_the_fast_path()
    {
        // The shape (and System.Text.Json's escaping) the Gemini Live emulator sends, parts in order, with the role.
        var json = JsonSerializer.Serialize(new
        {
            serverContent = new
            {
                modelTurn = new
                {
                    role = "model",
                    parts = new[]
                    {
                        new { inlineData = new { mimeType = "audio/pcm;rate=24000", data = Convert.ToBase64String(Pcm) } },
                        new { inlineData = new { mimeType = "audio/pcm;rate=24000", data = Convert.ToBase64String(Pcm[..2]) } },
                    },
                },
            },
        });

        using var message = Parse(json);

        Assert.True(message.IsModelAudio);
        Assert.Equal([Pcm, Pcm[..2]], message.ModelAudio.Select(a => a.ToArray()));
    }

    [Fact]
    public void Audio_at_another_rate_is_resampled_to_24_kHz_as_the_general_path_does()
    {
        var pcm16k = GeminiDriver.Tone(TimeSpan.FromMilliseconds(40));

        using var message = Parse(AudioMessage($"\"mimeType\":\"audio/pcm;rate=16000\",\"data\":\"{Convert.ToBase64String(pcm16k)}\""));

        Assert.True(message.IsModelAudio);
        Assert.Equal(PcmResampler.Resample(pcm16k, 16_000, 24_000).ToArray(), Assert.Single(message.ModelAudio).ToArray());
    }

    [Fact]
    public void Base64_broken_by_escaped_line_breaks_is_decoded_as_convert_would()
    {
        var base64 = Convert.ToBase64String(Pcm, Base64FormattingOptions.InsertLineBreaks);
        Assert.Contains('\n', base64);

        using var message = Parse(AudioMessage($"\"data\":\"{base64.Replace("\r\n", "\\r\\n", StringComparison.Ordinal)}\""));

        Assert.Equal(Pcm, Assert.Single(message.ModelAudio).ToArray());
    }

    [Theory]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]},"turnComplete":true}}""", "turnComplete")]
    [InlineData("""{"serverContent":{"turnComplete":true,"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}}}""", "turnComplete first")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]},"outputTranscription":{"text":"Hi"}}}""", "transcription")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]},"interrupted":true}}""", "interrupted")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]},"generationComplete":true}}""", "generationComplete")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}},"usageMetadata":{"totalTokenCount":3}}""", "usage after")]
    [InlineData("""{"usageMetadata":{"totalTokenCount":3},"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}}}""", "usage before")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}},"sessionResumptionUpdate":{"resumable":false}}""", "resumption")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}},{"text":"thinking"}]}}}""", "text part")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"},"thought":true}]}}}""", "part field")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"mimeType":"audio/pcm"}}]}}}""", "no data")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":null}}]}}}""", "null data")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[]}}}""", "no parts")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}},"serverContent":{"turnComplete":true}}""", "twice")]
    [InlineData("""{"setupComplete":{}}""", "setup")]
    [InlineData("""{"toolCall":{"functionCalls":[{"id":"c1","name":"fetch_next_question","args":{}}]}}""", "tool call")]
    public void A_message_carrying_anything_besides_model_audio_is_left_whole(string json, string _)
    {
        using var message = Parse(json);

        Assert.False(message.IsModelAudio);
        Assert.Empty(message.ModelAudio);
        Assert.Equal(JsonValueKind.Object, message.Document!.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAA")]
    [InlineData("AA=A")]
    public void Model_audio_that_is_not_base64_is_a_clear_error(string data)
    {
        var error = Assert.Throws<JsonException>(() => Parse(AudioMessage($"\"data\":\"{data}\"")));

        Assert.Contains("not valid base64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}]}}} trailing""")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"AAAA"}}""")]
    public void Malformed_json_is_an_error_on_either_path(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    /// <summary>A model-audio message whose one inlineData holds <paramref name="inlineDataFields"/>.</summary>
    private static string AudioMessage(string inlineDataFields) =>
        "{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"inlineData\":{" + inlineDataFields + "}}]}}}";

    private static GeminiServerMessage Parse(string json) => GeminiServerMessage.Parse(Encoding.UTF8.GetBytes(json), []);
}
