using SyncHire.Grains.Candidates;
using Xunit;

namespace SyncHire.Grains.Tests.Candidates;

/// <summary>
/// The audio shortcut of the in-process connection: live audio skips the queue only while nothing queued before it
/// is waiting or being handled, so it never overtakes a message the candidate sent first (a commit, say).
/// </summary>
public sealed class InProcessCandidateConnectionTests
{
    [Fact]
    public async Task Audio_goes_through_the_shortcut_when_nothing_is_queued()
    {
        var (caller, grain) = InProcessCandidateConnection.CreatePair();
        var taken = new List<byte[]>();
        grain.OpenAudioShortcut(pcm =>
        {
            taken.Add(pcm.ToArray());
            return ValueTask.FromResult(true);
        });

        Assert.True(await caller.TrySendAudioAsync(new byte[] { 1, 2 }));
        Assert.Equal([1, 2], Assert.Single(taken));
    }

    [Fact]
    public async Task Without_a_shortcut_audio_must_be_queued()
    {
        var (caller, _) = InProcessCandidateConnection.CreatePair();

        Assert.False(await caller.TrySendAudioAsync(new byte[] { 1, 2 }));
    }

    [Fact]
    public async Task A_shortcut_that_declines_leaves_the_frame_to_the_queue()
    {
        var (caller, grain) = InProcessCandidateConnection.CreatePair();
        grain.OpenAudioShortcut(_ => ValueTask.FromResult(false));

        Assert.False(await caller.TrySendAudioAsync(new byte[] { 1, 2 }));
    }

    [Fact]
    public async Task Audio_waits_behind_a_queued_message_until_the_reader_has_handled_it()
    {
        var (caller, grain) = InProcessCandidateConnection.CreatePair();
        var shortcutCalls = 0;
        grain.OpenAudioShortcut(_ =>
        {
            shortcutCalls++;
            return ValueTask.FromResult(true);
        });
        await using var frames = grain.ReadAllAsync().GetAsyncEnumerator();

        Assert.True(caller.TrySend(ConnectionFrame.Text("""{"type":"commit"}"""u8.ToArray())));
        Assert.False(await caller.TrySendAudioAsync(new byte[] { 1 }), "queued, not yet read");

        Assert.True(await frames.MoveNextAsync());
        Assert.Equal(FrameKind.Text, frames.Current.Kind);
        Assert.False(await caller.TrySendAudioAsync(new byte[] { 2 }), "read, but still being handled");

        // The reader asks for the next frame: the commit is handled. Audio may skip the (now empty) queue.
        var next = frames.MoveNextAsync();
        Assert.True(await caller.TrySendAudioAsync(new byte[] { 3 }));
        Assert.Equal(1, shortcutCalls);
        Assert.False(next.IsCompleted, "the audio did not go through the queue");
        await caller.CloseAsync(ConnectionClose.Normal);
        Assert.False(await next);
    }

    [Fact]
    public async Task A_closed_connection_takes_no_audio()
    {
        var (caller, grain) = InProcessCandidateConnection.CreatePair();
        grain.OpenAudioShortcut(_ => ValueTask.FromResult(true));

        await caller.CloseAsync(ConnectionClose.Normal);

        Assert.False(await caller.TrySendAudioAsync(new byte[] { 1, 2 }));
    }
}
