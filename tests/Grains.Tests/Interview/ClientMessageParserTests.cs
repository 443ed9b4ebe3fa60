using System.Buffers.Binary;
using System.Text;
using SyncHire.Grains.Interfaces.Protocol;
using Xunit;

namespace SyncHire.Grains.Tests.Interview;

public sealed class ClientMessageParserTests
{
    private static ClientParseResult Parse(string json, int maxAudioBytes = ProtocolLimits.DefaultMaxAudioFrameBytes) =>
        ClientMessageParser.ParseText(Encoding.UTF8.GetBytes(json), maxAudioBytes);

    private static void AssertError(ClientParseResult result, string code)
    {
        Assert.Null(result.Message);
        Assert.NotNull(result.Error);
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Theory]
    [InlineData("""{"type":"start_interview","timestamp":"2024-11-25T10:00:00"}""", typeof(ClientMessage.StartInterview))]
    [InlineData("""{"type":"send_for_AI_processing","timestamp":"2024-11-25T10:00:00"}""", typeof(ClientMessage.CommitTurn))]
    [InlineData("""{"type":"end_interview"}""", typeof(ClientMessage.EndInterview))]
    [InlineData("""{"type":"ping"}""", typeof(ClientMessage.Ping))]
    public void Seed_message_types_parse_as_written(string json, Type expected)
    {
        var result = Parse(json);

        Assert.Null(result.Error);
        Assert.IsType(expected, result.Message);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var result = Parse("""{"client":"web","type":"start_interview","extra":{"nested":[1,2,3]},"timestamp":42}""");

        Assert.IsType<ClientMessage.StartInterview>(result.Message);
    }

    [Fact]
    public void Audio_chunk_int16_array_becomes_little_endian_pcm()
    {
        var result = Parse("""{"type":"audio_chunk","data":[0,1,-1,32767,-32768,256],"timestamp":"2024-11-25T10:00:00"}""");

        var audio = Assert.IsType<ClientMessage.AudioChunk>(result.Message);
        var pcm = audio.Pcm16.ToArray();
        Assert.Equal(12, pcm.Length);
        short[] expected = [0, 1, -1, short.MaxValue, short.MinValue, 256];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(i * 2)));
        }
    }

    [Theory]
    [InlineData("""{"type":"audio_chunk","data":[32768]}""")]
    [InlineData("""{"type":"audio_chunk","data":[-32769]}""")]
    [InlineData("""{"type":"audio_chunk","data":[1.5]}""")]
    [InlineData("""{"type":"audio_chunk","data":["12"]}""")]
    [InlineData("""{"type":"audio_chunk","data":[null]}""")]
    [InlineData("""{"type":"audio_chunk","data":[]}""")]
    [InlineData("""{"type":"audio_chunk","data":"AAAA"}""")]
    public void Bad_audio_chunk_data_is_invalid_audio(string json) => AssertError(Parse(json), ErrorCodes.InvalidAudio);

    [Fact]
    public void Audio_chunk_over_the_frame_limit_is_invalid_audio()
    {
        var samples = string.Join(",", Enumerable.Repeat("0", 9));
        AssertError(Parse($$"""{"type":"audio_chunk","data":[{{samples}}]}""", maxAudioBytes: 16), ErrorCodes.InvalidAudio);
        Assert.IsType<ClientMessage.AudioChunk>(Parse($$"""{"type":"audio_chunk","data":[{{samples[2..]}}]}""", maxAudioBytes: 16).Message);
    }

    [Fact]
    public void Audio_chunk_without_data_is_missing_field() =>
        AssertError(Parse("""{"type":"audio_chunk"}"""), ErrorCodes.MissingField);

    [Fact]
    public void Text_answer_carries_trimmed_text()
    {
        var answer = Assert.IsType<ClientMessage.TextAnswer>(Parse("""{"type":"text_answer","text":"  I used Redis. "}""").Message);

        Assert.Equal("I used Redis.", answer.Text);
    }

    [Theory]
    [InlineData("""{"type":"text_answer"}""")]
    [InlineData("""{"type":"text_answer","text":42}""")]
    [InlineData("""{"type":"text_answer","text":"   "}""")]
    [InlineData("""{"timestamp":"2024-11-25T10:00:00"}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":null}""")]
    public void Missing_or_mistyped_fields_are_missing_field(string json) => AssertError(Parse(json), ErrorCodes.MissingField);

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"start_interview" """)]
    [InlineData("""["start_interview"]""")]
    [InlineData("\"start_interview\"")]
    [InlineData("")]
    [InlineData("""{"type":"ping"} {"type":"ping"}""")]
    public void Malformed_json_is_invalid_json(string json) => AssertError(Parse(json), ErrorCodes.InvalidJson);

    [Theory]
    [InlineData("""{"type":"launch_missiles"}""")]
    [InlineData("""{"type":"Start_Interview"}""")]
    [InlineData("""{"type":""}""")]
    public void Unknown_types_are_unknown_type(string json) => AssertError(Parse(json), ErrorCodes.UnknownType);

    [Fact]
    public void Oversize_text_frame_is_frame_too_large()
    {
        var padding = new string(' ', ProtocolLimits.MaxTextFrameBytes);
        AssertError(Parse($$"""{"type":"ping"{{padding}}}"""), ErrorCodes.FrameTooLarge);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(640)]
    [InlineData(ProtocolLimits.DefaultMaxAudioFrameBytes)]
    public void Binary_frames_of_whole_samples_within_the_limit_are_audio(int length)
    {
        var frame = new byte[length];
        frame[0] = 7;

        var audio = Assert.IsType<ClientMessage.AudioChunk>(ClientMessageParser.ParseBinary(frame).Message);

        Assert.Equal(frame, audio.Pcm16.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(641)]
    [InlineData(ProtocolLimits.DefaultMaxAudioFrameBytes + 2)]
    public void Empty_odd_or_oversize_binary_frames_are_invalid_audio(int length) =>
        AssertError(ClientMessageParser.ParseBinary(new byte[length]), ErrorCodes.InvalidAudio);
}
