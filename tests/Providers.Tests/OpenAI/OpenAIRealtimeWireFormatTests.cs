using System.Text;
using System.Text.Json;
using OpenAI.Realtime;
using SyncHire.Providers.OpenAI;
using Xunit;

namespace SyncHire.Providers.Tests.OpenAI;

/// <summary>
/// The two events the adapter writes and reads by hand, for speed, instead of through the SDK's models: they must be
/// exactly the JSON the API defines, whatever the audio holds.
/// </summary>
public sealed class OpenAIRealtimeWireFormatTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(960)]
    [InlineData(961)]
    public void An_input_audio_append_is_the_api_event_with_the_audio_as_base64(int pcmBytes)
    {
        var pcm = Enumerable.Range(0, pcmBytes).Select(i => (byte)(i * 37 + 11)).ToArray();
        using var message = new InputAudioAppendMessage(pcmBytes);
        pcm.CopyTo(message.Audio);

        using var json = JsonDocument.Parse(message.Seal(pcmBytes));

        Assert.Equal(["type", "audio"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("input_audio_buffer.append", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(Convert.ToBase64String(pcm), json.RootElement.GetProperty("audio").GetString());
    }

    [Theory]
    [InlineData(4800, false, "type first")]
    [InlineData(4799, false, "odd length, padded")]
    [InlineData(4798, true, "type after the delta, escaped by System.Text.Json")]
    public void An_output_audio_delta_is_decoded_to_its_pcm(int pcmBytes, bool escapedAndReordered, string _)
    {
        var pcm = Enumerable.Range(0, pcmBytes).Select(i => (byte)(i * 251 + 7)).ToArray();
        var base64 = Convert.ToBase64String(pcm);
        Assert.Contains('+', base64); // So the escaped case really escapes something.
        var json = escapedAndReordered
            ? JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["event_id"] = "event_1", ["delta"] = base64, ["response_id"] = "resp_1", ["type"] = "response.output_audio.delta",
            })
            : $$"""{"type":"response.output_audio.delta","event_id":"event_1","response_id":"resp_1","item_id":"item_1","output_index":0,"content_index":0,"delta":"{{base64}}"}""";
        Assert.Equal(escapedAndReordered, json.Contains("\\u002B", StringComparison.Ordinal));

        var message = RealtimeServerReader.Parse(Encoding.UTF8.GetBytes(json));

        Assert.True(message.IsOutputAudio);
        Assert.Equal(pcm, message.OutputAudio.ToArray());
    }

    [Fact]
    public void Every_other_event_is_read_by_the_sdk()
    {
        var message = RealtimeServerReader.Parse("""
            {"type":"response.done","event_id":"event_2","response":{"id":"resp_1","object":"realtime.response","status":"completed",
             "output":[],"usage":{"total_tokens":12,"input_tokens":5,"output_tokens":7}}}
            """u8);

        Assert.False(message.IsOutputAudio);
        var done = Assert.IsType<RealtimeServerUpdateResponseDone>(message.Update);
        Assert.Equal(7, done.Response.Usage.OutputTokenCount);
    }

    [Fact]
    public void A_delta_that_is_not_base64_is_an_error_not_noise()
    {
        Assert.Throws<JsonException>(() =>
            RealtimeServerReader.Parse("""{"type":"response.output_audio.delta","delta":"not base64!"}"""u8));
    }
}
