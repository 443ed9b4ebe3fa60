using SyncHire.Emulators.GeminiLive;
using SyncHire.Emulators.Shared;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Gemini;

/// <summary>
/// Surviving the Live API's connection limit: goAway and dropped connections are resumed with the latest handle on
/// a new connection, without the caller reconnecting and without losing what the candidate said meanwhile.
/// </summary>
public sealed class GeminiLiveResumptionTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(2.9);

    [Fact]
    public async Task GoAway_three_times_in_one_interview_resumes_each_time_with_the_conversation_intact()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        for (var answer = 0; answer < 3; answer++)
        {
            // The warning lands on the first frame of the answer: the candidate is mid-sentence when the connection must go.
            // 30 s is far beyond the test, so the move happens at the quiet point, never forced by the deadline.
            host.Faults.Arm("gemini", new EmulatorFault(FaultKind.GoAway, Delay: TimeSpan.FromSeconds(30)));
            await driver.SpeakAsync(Answer);
            var turn = await driver.ReadResponseAsync();

            Assert.Equal(EmulatedSpeech.Transcribe(Answer), Assert.Single(turn.OfType<InputTranscriptDelta>(), d => d.IsFinal).Text);
        }

        Assert.Equal(3, driver.Events.OfType<GoingAway>().Count());
        Assert.All(driver.Events.OfType<GoingAway>(), g => Assert.Equal(TimeSpan.FromSeconds(30), g.TimeLeft));
        Assert.DoesNotContain(driver.Events, e => e is ProviderError or ResponseDone { Cancelled: true });
        Assert.Equal(["q1", "q2", "q3"], driver.StoredAnswers.Select(a => a.QuestionId));
        Assert.All(driver.StoredAnswers, a => Assert.Equal(EmulatedSpeech.Transcribe(Answer), a.Transcript));

        // The last move may land after the answer (the old connection finished that turn first).
        await host.Emulator.WaitForConnectionsAsync(4, driver.Token);
        var connections = host.Emulator.Connections;
        Assert.Equal(4, connections.Count);
        Assert.Single(connections.Select(c => c.ConversationId).Distinct());
        Assert.All(connections.Skip(1), c => Assert.NotNull(c.ResumedFrom));
        Assert.All(connections.Skip(1), c => Assert.Equal(c.ResumedFrom, c.Setup.GetProperty("sessionResumption").GetProperty("handle").GetString()));

        // The last question was asked on the fourth connection, from the conversation the first one began.
        Assert.EndsWith("That was my last question. " + InterviewerModel.ClosingQuestion, Assert.IsType<ResponseDone>(driver.Events.Last(e => e is ResponseDone)).Text);
    }

    [Fact]
    public async Task The_services_connection_time_limit_is_crossed_without_the_caller_noticing()
    {
        // A 3-second "ten minutes": goAway 2 s before each connection's end.
        await using var host = await GeminiTestHost.StartAsync(settings: new GeminiLiveEmulatorSettings
        {
            MaxConnectionDuration = TimeSpan.FromSeconds(3),
            GoAwayNotice = TimeSpan.FromSeconds(2),
        });
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        await driver.ReadUntilAsync(e => e is GoingAway);
        await host.Emulator.WaitForConnectionsAsync(2, driver.Token);
        await driver.SpeakAsync(Answer);
        var turn = await driver.ReadResponseAsync();

        Assert.Equal(EmulatedSpeech.Transcribe(Answer), turn.OfType<InputTranscriptDelta>().Last(d => d.IsFinal).Text);
        Assert.EndsWith(GeminiDriver.Questions[1], Assert.IsType<ResponseDone>(turn[^1]).Text);
        Assert.DoesNotContain(driver.Events, e => e is ProviderError);
        Assert.Single(host.Emulator.Connections.Select(c => c.ConversationId).Distinct());
    }

    [Fact]
    public async Task A_dropped_connection_is_resumed_and_the_answer_in_progress_is_still_heard()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        host.Faults.Arm("gemini", new EmulatorFault(FaultKind.Drop, AfterMessages: 0));
        await driver.SpeakAsync(Answer);
        var turn = await driver.ReadResponseAsync();

        Assert.Equal(EmulatedSpeech.Transcribe(Answer), Assert.Single(turn.OfType<InputTranscriptDelta>(), d => d.IsFinal).Text);
        Assert.Equal("q1", Assert.Single(driver.StoredAnswers).QuestionId);
        Assert.DoesNotContain(driver.Events, e => e is ProviderError or GoingAway);
        Assert.Equal(2, host.Emulator.Connections.Count);
        Assert.Single(host.Emulator.Connections.Select(c => c.ConversationId).Distinct());
    }

    [Fact]
    public async Task When_the_service_refuses_every_resumption_the_session_ends_with_a_fatal_error()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);
        await session.CreateResponseAsync(driver.Token);
        await driver.ReadResponseAsync();

        host.Faults.Arm("gemini", new EmulatorFault(FaultKind.RefuseConnections, Once: false));
        host.Faults.Arm("gemini", new EmulatorFault(FaultKind.Drop, AfterMessages: 0));
        await driver.SpeakAsync(Answer);
        var rest = await driver.ReadToEndAsync();

        var error = Assert.IsType<ProviderError>(rest[^1]);
        Assert.True(error.Fatal);
        Assert.Equal("resumption_failed", error.Code);
        Assert.Single(rest.OfType<ProviderError>());
        Assert.Equal(host.Options.ResumeAttempts, host.Emulator.RejectedConnections);
    }

    [Fact]
    public async Task A_drop_before_the_service_offered_any_handle_is_fatal()
    {
        await using var host = await GeminiTestHost.StartAsync();
        await using var session = await host.ConnectAsync();
        await using var driver = new GeminiDriver(session);

        host.Faults.Arm("gemini", new EmulatorFault(FaultKind.Drop, AfterMessages: 0));
        await session.CreateResponseAsync(driver.Token);
        var events = await driver.ReadToEndAsync();

        var error = Assert.IsType<ProviderError>(Assert.Single(events));
        Assert.Equal(("resumption_unavailable", true), (error.Code, error.Fatal));
        Assert.Single(host.Emulator.Connections);
    }
}
