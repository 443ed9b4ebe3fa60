using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SyncHire.Browser.Tests.Infrastructure;
using SyncHire.Emulators.OpenAIHttp;
using SyncHire.Emulators.OpenAIRealtime;
using SyncHire.Emulators.Shared;
using SyncHire.Gateway.Integrations.Tavus;
using SyncHire.TestSupport.Fakes;
using static Microsoft.Playwright.Assertions;

namespace SyncHire.Browser.Tests.Interview;

/// <summary>
/// An interview with a Tavus avatar (echo mode): the platform opens the conversation (against a local fake of
/// Tavus's API), the candidate's room joins its Daily room and relays the interviewer's voice to the replica as
/// conversation.echo app messages. Daily is a test double served at the daily-js URL (see DailyJsDouble): these
/// tests check everything the page hands to Daily, byte for byte, but not Daily's or Tavus's side of it.
/// </summary>
public sealed class AvatarEchoTests
{
    private const string TavusKey = "tavus-browser-test-key";

    [Fact]
    public async Task The_room_joins_the_avatar_and_relays_every_interviewer_response_as_echo_audio()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var tavus = await FakeTavus.StartAsync(TavusKey);
        await using var host = await AppHost.StartAsync(TavusSettings(tavus));
        var (id, invitationUrl) = await CreateInterviewAsync(host, "offline");
        var conversation = await OpenConversationAsync(host, id);
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;
        var daily = await DailyJsDouble.ServeAsync(page, TavusOptions.DefaultDailyJsUrl);
        var interviewer = await InterviewerAudioTap.AttachAsync(page);

        await JoinFromInvitationAsync(page, invitationUrl, id);

        // The replica's face is shown and its voice plays; the room's own playback keeps running, muted.
        await Expect(page.Locator("#avatar")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your interviewer")).ToBeVisibleAsync();
        await browser.WaitUntilAsync("() => document.querySelector('#avatar-audio').srcObject?.getAudioTracks().length === 1");
        await browser.WaitUntilAsync("() => window.__synchire.avatar.localPlaybackMuted === true");

        // The greeting with the first question, then the next question after the spoken answer.
        using var timeout = new CancellationTokenSource(BrowserSession.Patience * 2);
        await interviewer.WaitForResponsesAsync(2, timeout.Token);
        await browser.WaitUntilAsync(
            "() => window.__dailyDouble.appMessages.filter(m => JSON.parse(m.json).properties?.done === true).length >= 2");
        await browser.ScreenshotAsync("10-room-avatar");
        var record = await DailyJsDouble.ReadAsync(page);

        // Daily was loaded once from the configured URL, asked for no devices, and joined the conversation's room
        // with the camera and microphone off: the candidate's voice goes to the interview socket only.
        Assert.Equal(1, daily.Loads);
        var created = Assert.Single(record.Created);
        Assert.False(created.GetProperty("audioSource").GetBoolean());
        Assert.False(created.GetProperty("videoSource").GetBoolean());
        var join = Assert.Single(record.Joins);
        Assert.Equal(conversation.Url, join.GetProperty("url").GetString());
        Assert.True(join.GetProperty("startAudioOff").GetBoolean());
        Assert.True(join.GetProperty("startVideoOff").GetBoolean());

        // Every message is an echo to everyone in the room, for this conversation, under Daily's 4 KB.
        Assert.All(record.AppMessages, message =>
        {
            Assert.Equal("*", message.To);
            Assert.True(message.Bytes < 4096, $"an app message of {message.Bytes} bytes");
            Assert.Equal("conversation", message.Body.GetProperty("message_type").GetString());
            Assert.Equal(conversation.Id, message.Body.GetProperty("conversation_id").GetString());
        });
        var echoes = record.AppMessages.Where(m => m.EventType == "conversation.echo").ToList();
        var utterances = Utterances(echoes);
        var finished = utterances.Where(u => u.Last().GetProperty("done").GetBoolean()).ToList();
        Assert.True(finished.Count >= 2, $"{finished.Count} finished utterances");
        foreach (var utterance in utterances)
        {
            Assert.All(utterance, p => Assert.Equal("audio", p.GetProperty("modality").GetString()));
            Assert.All(utterance, p => Assert.Equal(24000, p.GetProperty("sample_rate").GetInt32()));
            // done=true only on the last message of an utterance.
            Assert.All(utterance.SkipLast(1), p => Assert.False(p.GetProperty("done").GetBoolean()));
        }

        // Each finished utterance is one complete interviewer response, its audio the very bytes the server sent.
        var complete = interviewer.Responses.Where(r => !r.Interrupted).ToList();
        Assert.True(complete.Count >= finished.Count, $"{complete.Count} complete responses for {finished.Count} utterances");
        for (var i = 0; i < finished.Count; i++)
        {
            var relayed = finished[i].SelectMany(p => Convert.FromBase64String(p.GetProperty("audio").GetString()!)).ToArray();
            Assert.True(relayed.AsSpan().SequenceEqual(complete[i].Pcm),
                $"utterance {i + 1}: {relayed.Length} bytes relayed, {complete[i].Pcm.Length} bytes sent by the interviewer");
        }

        var stats = await browser.StatsAsync();
        Assert.True(stats.Playback.SamplesScheduled > 24000, "the room's playback still runs (muted) and drives the speaker status");
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task Talking_over_the_interviewer_interrupts_the_replica_too()
    {
        var speech = await SpeechRecording.AnswerWavAsync();
        await using var emulators = await EmulatorServer.StartAsync(new EmulatorOptions { RealTimeAudio = true }, (app, options) =>
        {
            OpenAIHttpEmulator.Map(app, options);
            OpenAIRealtimeEmulator.Map(app, options);
        });
        await using var tavus = await FakeTavus.StartAsync(TavusKey);
        var settings = TavusSettings(tavus);
        settings["Providers:OpenAI:ApiKey"] = emulators.Options.ApiKey;
        settings["Providers:OpenAI:Endpoint"] = $"{emulators.BaseAddress.ToString().TrimEnd('/')}/v1";
        await using var host = await AppHost.StartAsync(settings);
        var (id, invitationUrl) = await CreateInterviewAsync(host, "openai");
        var conversation = await OpenConversationAsync(host, id);
        await using var browser = await BrowserSession.StartAsync(new Microphone.PlayingFile(speech));
        var page = browser.Page;
        await DailyJsDouble.ServeAsync(page, TavusOptions.DefaultDailyJsUrl);

        await JoinFromInvitationAsync(page, invitationUrl, id);

        // The recording starts speaking while the greeting is still streamed in real time: the server says
        // `interrupted`, the room stops its own playback and tells the replica to stop.
        await browser.WaitUntilAsync("() => window.__synchire.playback.interruptions > 0 && window.__synchire.avatar.interrupts > 0");
        var record = await DailyJsDouble.ReadAsync(page);
        var interruptAt = record.AppMessages.ToList().FindIndex(m => m.EventType == "conversation.interrupt");
        Assert.True(interruptAt >= 0, "a conversation.interrupt was sent");
        var interrupt = record.AppMessages[interruptAt];
        Assert.Equal("*", interrupt.To);
        Assert.Equal(conversation.Id, interrupt.Body.GetProperty("conversation_id").GetString());
        Assert.Equal("conversation", interrupt.Body.GetProperty("message_type").GetString());

        // The utterance it cut (if any of it had gone out yet: the candidate may speak up before the first full
        // message) never gets a done=true, and whatever the interviewer says next is a new utterance.
        var before = record.AppMessages.Take(interruptAt).Where(m => m.EventType == "conversation.echo")
            .Select(m => m.Body.GetProperty("properties")).ToList();
        var after = record.AppMessages.Skip(interruptAt + 1).Where(m => m.EventType == "conversation.echo")
            .Select(m => m.Body.GetProperty("properties")).ToList();
        var cut = before.GroupBy(p => p.GetProperty("inference_id").GetString())
            .Where(u => !u.Last().GetProperty("done").GetBoolean()).Select(u => u.Key).ToList();
        Assert.True(cut.Count <= 1, "at most the utterance in progress was cut");
        Assert.DoesNotContain(after, p => before.Any(b => b.GetProperty("inference_id").GetString() == p.GetProperty("inference_id").GetString()));
        await Expect(page.Locator("#speaker-status")).ToHaveTextAsync("You are speaking");
        Assert.Empty(browser.PageErrors);
    }

    private static Dictionary<string, string?> TavusSettings(FakeTavus tavus) => new()
    {
        ["Tavus:ApiKey"] = TavusKey,
        ["Tavus:BaseUrl"] = tavus.BaseAddress.ToString(),
        ["Tavus:ReplicaId"] = "r-browser-test",
        ["Tavus:PersonaId"] = "p-echo-browser-test",
    };

    /// <summary>What a hiring platform does: create the interview; its answer carries the candidate's invitation link.</summary>
    private static async Task<(string Id, string InvitationUrl)> CreateInterviewAsync(AppHost host, string provider)
    {
        using var client = host.CreateClient();
        var created = await client.PostAsJsonAsync("api/interviews", new
        {
            candidateName = "Dorothy Vaughan",
            jobTitle = "Backend Engineer",
            level = "intermediate",
            provider,
            questions = new[] { "Tell me about a system you scaled.", "How do you test concurrent code?" },
        });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("invitationUrl").GetString()!);
    }

    /// <summary>The platform opens the interview's avatar conversation before the candidate joins.</summary>
    private static async Task<(string Id, string Url)> OpenConversationAsync(AppHost host, string id)
    {
        using var client = host.CreateClient();
        var opened = await client.PostAsync($"api/interviews/{id}/tavus-conversation", null);
        Assert.Equal(201, (int)opened.StatusCode);
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("conversationUrl").GetString()!);
    }

    private static async Task JoinFromInvitationAsync(IPage page, string invitationUrl, string id)
    {
        await page.GotoAsync(invitationUrl);
        await page.GetByLabel("I agree that this interview is recorded").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join interview" }).ClickAsync();
        await page.WaitForURLAsync($"**/interview/{id}");
    }

    /// <summary>The echo messages' properties grouped by inference_id, in the order the utterances began.</summary>
    private static List<List<JsonElement>> Utterances(IEnumerable<AppMessage> echoes) =>
        echoes.Select(m => m.Body.GetProperty("properties"))
            .GroupBy(p => p.GetProperty("inference_id").GetString())
            .Select(g => g.ToList())
            .ToList();
}
