using Orleans;
using Orleans.Storage;
using SyncHire.Grains.Interfaces;
using SyncHire.Grains.Interview;
using Xunit;

namespace SyncHire.Grains.Tests.Interview.Collaborators;

/// <summary>
/// The interview's state persisted by concern: a save writes only the parts that changed, and a transcript turn
/// writes only the chunk it lands in (chunks of 4 here), on storage with Orleans' ETag rules.
/// </summary>
public sealed class InterviewStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly MemoryInterviewStore _memory = new();

    private InterviewStore Store => _memory.Store;

    [Fact]
    public async Task A_transcript_turn_appends_one_chunk_and_rewrites_no_other_part()
    {
        await CreateStartedAsync();
        var (core, progress, completion, cv) = Writes();
        _memory.Storage.Writes.Clear();

        for (var i = 1; i <= 6; i++)
        {
            Store.AppendTurn(Speakers.Candidate, $"answer {i}", Start.AddSeconds(i), Start.AddSeconds(i + 1));
            await Store.SaveAsync();
        }

        Assert.Equal((core, progress, completion, cv), Writes());
        Assert.Equal(["transcript-0", "transcript-0", "transcript-0", "transcript-0", "transcript-1", "transcript-1"], _memory.Storage.Writes);
    }

    [Fact]
    public async Task A_tool_that_moves_the_question_writes_the_progress_alone()
    {
        await CreateStartedAsync();
        var (core, progress, completion, cv) = Writes();

        Store.State = Store.State with { CurrentQuestionIndex = 1 };
        await Store.SaveAsync();
        await Store.SaveAsync(); // Nothing changed since: nothing is written.

        Assert.Equal((core, progress + 1, completion, cv), Writes());
    }

    [Fact]
    public async Task A_new_activation_composes_the_same_state_from_the_parts_and_the_chunks()
    {
        await CreateStartedAsync();
        for (var i = 1; i <= 9; i++)
        {
            Store.AppendTurn(i % 2 == 0 ? Speakers.Candidate : Speakers.Interviewer, $"turn {i}", Start.AddSeconds(i), Start.AddSeconds(i));
        }

        Store.State = Store.State with { CurrentQuestionIndex = 1, Report = null, CvText = "CV", CvFileName = "cv.pdf" };
        await Store.SaveAsync();

        var reloaded = new InterviewStore("interview-1", _memory.Core, _memory.Progress, _memory.Completion, _memory.Cv,
            new TranscriptLog(_memory.Storage, _memory.GrainId, chunkSize: 4));
        await reloaded.LoadAsync();

        Assert.Equal(Store.State.Transcript, reloaded.State.Transcript);
        Assert.Equal(9, reloaded.State.LastSequence);
        Assert.Equal(1, reloaded.State.CurrentQuestionIndex);
        Assert.Equal("cv.pdf", reloaded.State.CvFileName);
        Assert.Equal(Store.State.Definition, reloaded.State.Definition);
        Assert.Equal(10, reloaded.AppendTurn(Speakers.Candidate, "turn 10", Start, Start).Sequence);
        await reloaded.SaveAsync();
    }

    [Fact]
    public async Task A_stale_activations_transcript_write_fails_as_a_conflict()
    {
        await CreateStartedAsync();
        var stale = new InterviewStore("interview-1", _memory.Core, _memory.Progress, _memory.Completion, _memory.Cv,
            new TranscriptLog(_memory.Storage, _memory.GrainId, chunkSize: 4));
        await stale.LoadAsync();

        Store.AppendTurn(Speakers.Interviewer, "from the live activation", Start, Start);
        await Store.SaveAsync();
        stale.AppendTurn(Speakers.Interviewer, "from the stale one", Start, Start);

        await Assert.ThrowsAsync<InconsistentStateException>(stale.SaveAsync);
    }

    [Fact]
    public async Task Clearing_removes_every_part_and_every_chunk()
    {
        await CreateStartedAsync();
        for (var i = 1; i <= 5; i++)
        {
            Store.AppendTurn(Speakers.Candidate, $"answer {i}", Start, Start);
        }

        await Store.SaveAsync();
        Assert.True(_memory.Storage.Holds("transcript-1", _memory.GrainId));

        await Store.ClearAsync();

        Assert.False(_memory.Core.RecordExists || _memory.Progress.RecordExists || _memory.Completion.RecordExists || _memory.Cv.RecordExists);
        Assert.False(_memory.Storage.Holds("transcript-0", _memory.GrainId));
        Assert.False(_memory.Storage.Holds("transcript-1", _memory.GrainId));
        Assert.False(Store.State.Exists);
    }

    [Fact]
    public async Task An_interview_stored_whole_by_an_earlier_build_is_split_into_its_parts_on_first_load()
    {
        var legacy = new InterviewState
        {
            Definition = new InterviewDefinition { CandidateName = "Ada" },
            Status = InterviewStatus.Completed,
            StartedAt = Start,
            Questions = ["What is a mutex?"],
            CurrentQuestionIndex = 0,
            Answers = [new StoredAnswer("q1", "A lock.", 4, [])],
            Transcript = [new TranscriptTurn(1, Speakers.Interviewer, "What is a mutex?", 0, 1, 0), new TranscriptTurn(2, Speakers.Candidate, "A lock.", 2, 3, 0)],
            LastSequence = 2,
            CompletionPublished = true,
        };
        await _memory.Storage.WriteStateAsync("interview", _memory.GrainId, new GrainState<InterviewState>(legacy));
        _memory.Core.State = InterviewCoreState.From(legacy) with { Layout = 0 }; // What Orleans reads from that row: no layout.
        await _memory.Core.WriteStateAsync();
        var store = new InterviewStore("interview-1", _memory.Core, _memory.Progress, _memory.Completion, _memory.Cv,
            new TranscriptLog(_memory.Storage, _memory.GrainId, chunkSize: 4), () => LegacyInterviewState.ReadAsync(_memory.Storage, _memory.GrainId));

        await store.LoadAsync();

        Assert.Equal(legacy.Transcript, store.State.Transcript);
        Assert.Equal(legacy.Answers, _memory.Progress.State.Answers);
        Assert.True(_memory.Completion.State.CompletionPublished);
        Assert.True(_memory.Storage.Holds("transcript-0", _memory.GrainId));
        Assert.Equal(InterviewCoreState.CurrentLayout, _memory.Core.State.Layout);
    }

    private async Task CreateStartedAsync()
    {
        await Store.LoadAsync();
        Store.State = new InterviewState
        {
            Definition = new InterviewDefinition { CandidateName = "Ada" },
            Status = InterviewStatus.InProgress,
            CreatedAt = Start,
            StartedAt = Start,
            Questions = ["What is a mutex?", "What is a semaphore?"],
        };
        await Store.SaveAsync();
    }

    private (int Core, int Progress, int Completion, int Cv) Writes() =>
        (_memory.Core.Writes, _memory.Progress.Writes, _memory.Completion.Writes, _memory.Cv.Writes);
}
