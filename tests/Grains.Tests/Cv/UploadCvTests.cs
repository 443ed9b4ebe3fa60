using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SyncHire.Grains.Cv;
using SyncHire.Grains.Tests.Cv.Fixtures;
using Xunit;
using static SyncHire.Grains.Tests.Cv.Fixtures.CvExtraction;

namespace SyncHire.Grains.Tests.Cv;

/// <summary>What is decided before any reader runs: size, the format by the file's bytes, and the timeout.</summary>
public sealed class UploadCvTests
{
    public static TheoryData<string, byte[]> NotDocuments => new()
    {
        { "a Windows executable", [.. "MZ"u8, .. new byte[200]] },
        { "plain text", Encoding.UTF8.GetBytes("Jane Doe\nSenior engineer") },
        { "a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] },
        { "a PDF header after junk", Encoding.ASCII.GetBytes("garbage%PDF-1.4\n") },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task A_file_named_pdf_that_is_something_else_is_an_unsupported_type(string what, byte[] content)
    {
        var rejection = await AssertRejectedAsync(CvRejectionCodes.UnsupportedType,
            () => ExtractAsync(content, "cv.pdf", "application/pdf"));

        Assert.Contains("'cv.pdf'", rejection.Message, StringComparison.Ordinal);
        Assert.True(rejection.HttpStatus == 415, $"{what} answered {rejection.HttpStatus}");
    }

    [Fact]
    public async Task A_zip_named_pdf_is_judged_as_a_zip_and_refused_for_not_being_a_word_document()
    {
        var zip = DocxFiles.Zip(("readme.txt", "hello"));

        await AssertRejectedAsync(CvRejectionCodes.UnsupportedType, () => ExtractAsync(zip, "cv.pdf", "application/pdf"));
    }

    [Fact]
    public async Task The_bytes_decide_the_format_whatever_the_name_and_content_type_say()
    {
        var cv = await ExtractAsync(DocxFiles.WithParagraphs(["Jane Doe"]), "cv.pdf", "application/pdf");

        Assert.Equal(CvFormat.Docx, cv.Format);
        Assert.Equal("Jane Doe", cv.Text);
    }

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync([], "cv.pdf"));
    }

    [Fact]
    public async Task A_file_over_five_megabytes_is_too_large()
    {
        var pdf = new byte[5 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(pdf);

        var rejection = await AssertRejectedAsync(CvRejectionCodes.TooLarge, () => ExtractAsync(pdf, "cv.pdf"));

        Assert.Contains("5 MB", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(413, rejection.HttpStatus);
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var docx = DocxFiles.WithParagraphs(["Jane Doe"]);

        var cv = await ExtractAsync(docx, settings: new Dictionary<string, string?> { ["Cv:MaxBytes"] = docx.Length.ToString() });

        Assert.Equal("Jane Doe", cv.Text);
    }

    [Fact]
    public async Task An_endless_upload_stream_stops_being_read_at_the_limit()
    {
        await using var services = Services();
        var extractor = services.GetRequiredService<ICvTextExtractor>();
        var endless = new EndlessStream();

        var rejection = await Assert.ThrowsAsync<CvRejectedException>(
            () => extractor.ExtractAsync(endless, "cv.pdf", null, TestContext.Current.CancellationToken));

        Assert.Equal(CvRejectionCodes.TooLarge, rejection.Code);
        Assert.True(endless.BytesRead <= 5 * 1024 * 1024 + 128 * 1024, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public async Task An_upload_that_never_finishes_is_rejected_when_the_timeout_passes()
    {
        await using var services = Services(new Dictionary<string, string?> { ["Cv:Timeout"] = "00:00:00.200" });
        var extractor = services.GetRequiredService<ICvTextExtractor>();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Guard);

        var rejection = await Assert.ThrowsAsync<CvRejectedException>(
            () => extractor.ExtractAsync(new StalledStream(), "cv.pdf", null, guard.Token));

        Assert.Equal(CvRejectionCodes.Timeout, rejection.Code);
    }

    [Fact]
    public async Task Cancelling_the_request_cancels_extraction_instead_of_rejecting_the_file()
    {
        await using var services = Services();
        var extractor = services.GetRequiredService<ICvTextExtractor>();
        using var request = new CancellationTokenSource();
        var stalled = new StalledStream();
        var extraction = extractor.ExtractAsync(stalled, "cv.pdf", null, request.Token);

        await stalled.ReadStarted.WaitAsync(Guard, TestContext.Current.CancellationToken);
        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => extraction);
    }

    /// <summary>An upload that never ends: every read returns more bytes.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'%', offset, count);
            BytesRead += count;
            return count;
        }
    }

    /// <summary>An upload whose sender has gone quiet: reads wait until cancelled.</summary>
    private sealed class StalledStream : Stream
    {
        private readonly TaskCompletionSource _readStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ReadStarted => _readStarted.Task;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Reads are asynchronous.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _readStarted.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            return 0;
        }
    }
}
