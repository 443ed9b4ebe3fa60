using System.Globalization;
using System.Text;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Gateway.Transcripts;

/// <summary>The transcript as a plain-text file a person reads: a heading, then "[mm:ss] Speaker: text" per turn.</summary>
public static class TranscriptText
{
    public static string Render(InterviewSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Interview {snapshot.Id}: {definition.CandidateName}, {definition.Role}\n");
        if (snapshot.StartedAt is { } started)
        {
            text.Append(CultureInfo.InvariantCulture, $"Started {started:yyyy-MM-dd HH:mm:ss} UTC\n");
        }

        text.Append('\n');
        foreach (var turn in snapshot.Transcript)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{Offset(turn.StartMs)}] {SpeakerName(turn.Speaker)}: {turn.Text}\n");
        }

        return text.ToString();
    }

    /// <summary>mm:ss from the start; h:mm:ss past the first hour.</summary>
    public static string Offset(long milliseconds)
    {
        var offset = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        return offset.TotalHours >= 1
            ? offset.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : offset.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
    }

    private static string SpeakerName(string speaker) => speaker switch
    {
        Speakers.Interviewer => "Interviewer",
        Speakers.Candidate => "Candidate",
        _ => speaker,
    };
}
