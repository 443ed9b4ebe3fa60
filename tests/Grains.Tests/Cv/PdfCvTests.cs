using SyncHire.Grains.Cv;
using SyncHire.Grains.Tests.Cv.Fixtures;
using Xunit;
using static SyncHire.Grains.Tests.Cv.Fixtures.CvExtraction;

namespace SyncHire.Grains.Tests.Cv;

/// <summary>PDF CVs read through the real poppler tools (poppler-utils, installed by .ci/run).</summary>
public sealed class PdfCvTests
{
    [Fact]
    public async Task A_text_pdf_gives_its_text_and_page_count()
    {
        var cv = await ExtractAsync(MinimalPdf.WithPages("Jane Doe, backend engineer at Acme (Kafka, Postgres)"), "jane.pdf", "application/pdf");

        Assert.Equal("Jane Doe, backend engineer at Acme (Kafka, Postgres)", cv.Text);
        Assert.Equal(CvFormat.Pdf, cv.Format);
        Assert.Equal(1, cv.PageCount);
        Assert.False(cv.IsTruncated);
    }

    [Fact]
    public async Task Every_page_of_a_multi_page_pdf_is_read_in_order()
    {
        var cv = await ExtractAsync(MinimalPdf.WithPages("Experience: Acme", "Education: MIT", "Projects: compiler"));

        Assert.Equal(3, cv.PageCount);
        Assert.Equal("Experience: Acme\n\nEducation: MIT\n\nProjects: compiler", cv.Text);
    }

    [Fact]
    public async Task A_password_protected_pdf_is_rejected_as_encrypted()
    {
        var rejection = await AssertRejectedAsync(CvRejectionCodes.Encrypted,
            () => ExtractAsync(MinimalPdf.PasswordProtected("secret CV")));

        Assert.Contains("password", rejection.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(422, rejection.HttpStatus);
    }

    [Fact]
    public async Task A_truncated_pdf_is_rejected_as_corrupted()
    {
        var pdf = MinimalPdf.WithPages("Jane Doe");

        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync(pdf[..(pdf.Length / 2)]));
        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync(pdf[..12]));
    }

    [Fact]
    public async Task A_pdf_with_thousands_of_pages_is_rejected_before_its_text_is_read()
    {
        var pdf = MinimalPdf.WithPages(Enumerable.Range(1, 5_000).Select(i => $"page {i}").ToArray());

        var rejection = await AssertRejectedAsync(CvRejectionCodes.TooManyPages, () => ExtractAsync(pdf));

        Assert.Contains("5000 pages", rejection.Message);
        Assert.Contains("50", rejection.Message);
    }

    [Fact]
    public async Task The_page_limit_is_configurable()
    {
        var pdf = MinimalPdf.WithPages("one", "two", "three");

        await AssertRejectedAsync(CvRejectionCodes.TooManyPages,
            () => ExtractAsync(pdf, settings: new Dictionary<string, string?> { ["Cv:MaxPages"] = "2" }));
        var cv = await ExtractAsync(pdf, settings: new Dictionary<string, string?> { ["Cv:MaxPages"] = "3" });
        Assert.Equal(3, cv.PageCount);
    }

    [Fact]
    public async Task A_scanned_pdf_without_text_is_rejected_saying_it_looks_scanned()
    {
        var rejection = await AssertRejectedAsync(CvRejectionCodes.NoText, () => ExtractAsync(MinimalPdf.ImageOnly(pages: 2)));

        Assert.Contains("scanned", rejection.Message, StringComparison.Ordinal);
    }
}
