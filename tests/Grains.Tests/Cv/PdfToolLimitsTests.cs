using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Grains.Cv;
using SyncHire.Grains.Tests.Cv.Fixtures;
using Xunit;
using static SyncHire.Grains.Tests.Cv.Fixtures.CvExtraction;

namespace SyncHire.Grains.Tests.Cv;

/// <summary>How the PDF reader's child processes are limited, stopped, and missed when absent.</summary>
public sealed class PdfToolLimitsTests
{
    [Fact]
    public async Task A_reader_that_runs_past_the_timeout_is_killed_and_the_file_rejected()
    {
        using var tools = new FakePdfTools();
        // A unique duration marks the sleeping reader in the process table (the reader may not write files).
        var marker = $"600.{Random.Shared.Next(100_000, 999_999)}";
        tools.WithScript("pdfinfo", $"exec /bin/sleep {marker}")
            .WithScript("pdftotext", "echo never reached");

        var rejection = await AssertRejectedAsync(CvRejectionCodes.Timeout,
            () => ExtractAsync(MinimalPdf.WithPages("Jane"), settings: tools.Settings(TimeSpan.FromSeconds(3))));

        Assert.Contains("3 seconds", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningCommandLines(), line => line.Contains(marker, StringComparison.Ordinal));
    }

    // The extractor waits for the killed child before it answers, so by now it is reaped, not just signalled.
    private static IEnumerable<string> RunningCommandLines() =>
        Directory.EnumerateDirectories("/proc")
            .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
            .Select(dir =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
                catch (UnauthorizedAccessException)
                {
                    return "";
                }
            })
            .ToList();

    [Fact]
    public async Task The_reader_runs_under_a_memory_limit_without_the_hosts_environment_on_a_private_copy()
    {
        using var tools = new FakePdfTools();
        tools.WithScript("pdfinfo", "printf 'Pages: 1\\nEncrypted: no\\n'")
            .WithScript("pdftotext", "echo \"memory=$(ulimit -v) files=$(ulimit -f) home=$HOME\"; ls -l \"$HOME\"; echo \"args=$*\"");
        var settings = tools.Settings();
        settings["Cv:Pdf:MemoryLimitBytes"] = (200L * 1024 * 1024).ToString();

        var cv = await ExtractAsync(MinimalPdf.WithPages("Jane"), "../../etc/passwd; rm -rf ~.pdf", settings: settings);

        Assert.Contains("memory=204800 files=0", cv.Text, StringComparison.Ordinal);
        Assert.Contains("-rw------- ", cv.Text, StringComparison.Ordinal);
        Assert.Matches(@"home=/\S+/synchire-cv-\S+\n", cv.Text);
        Assert.Matches(@"args=.* /\S+/synchire-cv-\S+/cv\.pdf -", cv.Text);
        Assert.DoesNotContain("passwd", cv.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_beyond_the_extraction_cap_stops_the_reader_and_keeps_the_beginning()
    {
        using var tools = new FakePdfTools();
        tools.WithScript("pdfinfo", "printf 'Pages: 1\\nEncrypted: no\\n'")
            .WithScript("pdftotext", "echo 'Jane Doe'; exec /usr/bin/yes 'endless text'");
        var settings = tools.Settings();
        settings["Cv:MaxExtractedChars"] = "5000";

        var cv = await ExtractAsync(MinimalPdf.WithPages("Jane"), settings: settings);

        Assert.StartsWith("Jane Doe\nendless text\nendless text", cv.Text, StringComparison.Ordinal);
        Assert.Equal(5_000, cv.FullLength);
        Assert.True(cv.IsTruncated);
    }

    [Fact]
    public async Task A_reader_that_crashes_on_a_file_makes_it_corrupted_not_a_server_error()
    {
        using var tools = new FakePdfTools();
        tools.WithScript("pdfinfo", "kill -SEGV $$").WithScript("pdftotext", "echo never reached");

        var rejection = await AssertRejectedAsync(CvRejectionCodes.Corrupted,
            () => ExtractAsync(MinimalPdf.WithPages("Jane"), settings: tools.Settings()));

        Assert.Contains("limits", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_poppler_pdfs_are_refused_as_unavailable_and_docx_still_works()
    {
        using var empty = new FakePdfTools();

        var rejection = await AssertRejectedAsync(CvRejectionCodes.PdfUnavailable,
            () => ExtractAsync(MinimalPdf.WithPages("Jane"), settings: empty.Settings()));
        var docx = await ExtractAsync(DocxFiles.WithParagraphs(["Jane Doe"]), settings: empty.Settings());

        Assert.Equal(503, rejection.HttpStatus);
        Assert.Contains("poppler-utils", rejection.Message, StringComparison.Ordinal);
        Assert.Equal("Jane Doe", docx.Text);
    }

    [Fact]
    public async Task Without_poppler_the_host_warns_at_startup()
    {
        using var empty = new FakePdfTools();
        var logs = new CollectingLoggerProvider();
        await using var services = Services(empty.Settings(), logs);

        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(TestContext.Current.CancellationToken);

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("cv_pdf_unavailable", warning.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install poppler-utils", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_poppler_installed_the_host_starts_without_a_warning()
    {
        var logs = new CollectingLoggerProvider();
        await using var services = Services(logs: logs);

        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
