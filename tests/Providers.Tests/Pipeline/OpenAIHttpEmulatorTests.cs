using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using SyncHire.Emulators.Shared;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>
/// The emulator's wire behaviour as the official OpenAI package and a plain HTTP client see it: error shapes,
/// authentication, streamed speech, streamed chat and the chat API's tool-message rule.
/// </summary>
public sealed class OpenAIHttpEmulatorTests : IAsyncLifetime
{
    private PipelineTestHost _host = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await PipelineTestHost.StartAsync();
        _http = new HttpClient { BaseAddress = _host.Server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.Server.Options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_WAV_is_refused_with_OpenAIs_error_shape()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whisper-1"), "model" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("not audio at all")), "file", "answer.wav" },
        };
        using var response = await _http.PostAsync("v1/audio/transcriptions", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("file", error.GetProperty("param").GetString());
        Assert.Contains("Invalid file format", error.GetProperty("message").GetString());

        // The official client surfaces it as a 400 with that message.
        var client = new AudioClient("whisper-1", new ApiKeyCredential(_host.Server.Options.ApiKey), new OpenAIClientOptions { Endpoint = _host.Endpoint });
        using var notWav = new MemoryStream(Encoding.UTF8.GetBytes("not audio at all"));
        var failure = await Assert.ThrowsAsync<ClientResultException>(() => client.TranscribeAudioAsync(notWav, "answer.wav", null, TestContext.Current.CancellationToken));
        Assert.Equal(400, failure.Status);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401_and_a_masked_echo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-not-the-key-9876");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.DoesNotContain("sk-not-the-key-9876", error.GetProperty("message").GetString());
        Assert.Contains("9876", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Speech_is_streamed_as_chunked_24_kHz_PCM_or_WAV()
    {
        const string Text = "Tell me about a system you designed.";
        var expected = EmulatedSpeech.Synthesize(Text, 24_000);
        foreach (var format in new[] { "pcm", "wav" })
        {
            using var content = new StringContent(
                JsonSerializer.Serialize(new { model = "tts-1", input = Text, voice = "alloy", response_format = format }), Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync("v1/audio/speech", content, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            Assert.True(response.Headers.TransferEncodingChunked);
            var audio = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var pcm = format == "wav" ? audio[44..] : audio;
            Assert.Equal(expected, pcm);
            if (format == "wav")
            {
                Assert.Equal("RIFF", Encoding.ASCII.GetString(audio, 0, 4));
                Assert.Equal(24_000, BitConverter.ToInt32(audio, 24));
            }
        }
    }

    [Fact]
    public async Task Streamed_chat_gives_the_same_message_and_tool_call_as_a_whole_completion()
    {
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential(_host.Server.Options.ApiKey), new OpenAIClientOptions { Endpoint = _host.Endpoint });
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 150 };
        foreach (var tool in InterviewTools.Definitions)
        {
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersJsonSchema)));
        }

        ChatMessage[] messages = [new SystemChatMessage(PipelineTestHost.Instructions)];
        ChatCompletion whole = await client.CompleteChatAsync(messages, options, TestContext.Current.CancellationToken);

        string? name = null, id = null;
        var arguments = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options, TestContext.Current.CancellationToken))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                name ??= call.FunctionName;
                id ??= call.ToolCallId;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal(ChatFinishReason.ToolCalls, whole.FinishReason);
        var wholeCall = Assert.Single(whole.ToolCalls);
        Assert.Equal((InterviewTools.FetchNextQuestion, ChatFinishReason.ToolCalls), (name, finish));
        Assert.StartsWith("call_", id);
        Assert.Equal(wholeCall.FunctionArguments.ToString(), arguments.ToString());
    }

    [Fact]
    public async Task A_tool_call_left_unanswered_is_refused_as_the_real_API_does()
    {
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential(_host.Server.Options.ApiKey), new OpenAIClientOptions { Endpoint = _host.Endpoint });
        ChatMessage[] messages =
        [
            new SystemChatMessage("You are an interviewer."),
            new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall("call_1", "fetch_next_question", BinaryData.FromString("{}"))]),
            new UserChatMessage("Hello?"),
        ];

        var failure = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync(messages, null, TestContext.Current.CancellationToken));
        Assert.Equal(400, failure.Status);
        Assert.Contains("call_1", failure.Message);
    }
}
