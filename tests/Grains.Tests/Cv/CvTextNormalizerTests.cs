using SyncHire.Grains.Cv;
using Xunit;

namespace SyncHire.Grains.Tests.Cv;

public sealed class CvTextNormalizerTests
{
    [Fact]
    public void Whitespace_collapses_to_single_spaces_and_at_most_one_blank_line()
    {
        var text = CvTextNormalizer.Normalize("  Jane \t Doe  \r\n\n\n\n\fSkills:\u00A0C#,  Go \u0007\n", 1_000);

        Assert.Equal("Jane Doe\n\nSkills: C#, Go", text);
    }

    [Fact]
    public void Normalising_stops_at_the_extraction_cap()
    {
        var text = CvTextNormalizer.Normalize(string.Concat(Enumerable.Repeat("word ", 1_000)), 100);

        // Twenty words fill 99 characters; the separator that would be the 100th is not kept.
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 20)), text);
    }

    [Theory]
    [InlineData("alpha beta gamma", 10, "alpha beta")]   // the cut lands on a space
    [InlineData("alpha beta gamma", 13, "alpha beta")]   // inside "gamma": back to the last space
    [InlineData("alpha\nbeta gamma", 8, "alpha")]        // a line break is a boundary too
    [InlineData("short", 10, "short")]
    public void The_prompt_cut_ends_at_a_word_boundary(string text, int max, string expected)
    {
        Assert.Equal(expected, CvTextNormalizer.CutAtWordBoundary(text, max));
    }

    [Fact]
    public void A_word_longer_than_half_the_limit_is_cut_inside_rather_than_dropped()
    {
        var cut = CvTextNormalizer.CutAtWordBoundary("a " + new string('x', 50), 20);

        Assert.Equal("a " + new string('x', 18), cut);
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        var cut = CvTextNormalizer.CutAtWordBoundary(new string('x', 9) + "😀😀", 10);

        Assert.Equal(new string('x', 9), cut);
    }
}
