using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Grains.Cv;

namespace SyncHire.Gateway.Cv;

/// <summary>
/// Reads a multipart upload with a CV and turns the file into prompt text. The upload may be the CV limit plus room
/// for the form fields; the extractor then bounds the file's own size, time and memory (see
/// <see cref="ICvTextExtractor"/>). A larger upload gets 413 <c>cv_too_large</c>, and gets it readably: browsers and
/// Node's fetch send the whole body before they read the answer, so answering and closing mid-body would reset the
/// connection under the client (curl, which waits on Expect: 100-continue, never sees this). The rest of an oversized
/// body is therefore read and discarded first, up to <see cref="CvOptions.MaxDiscardedUploadBytes"/> in all; only
/// beyond that, or when the client is still waiting for 100 Continue, is the 413 sent at once with Connection: close.
/// </summary>
public sealed class CvUploadReader(ICvTextExtractor extractor, IOptions<CvOptions> options)
{
    /// <summary>The form field that carries the file.</summary>
    public const string FileField = "cv";

    /// <summary>Room for the other form fields (questions, metadata) and the multipart framing.</summary>
    public const long FormOverheadBytes = 256 * 1024;

    private const int DiscardBufferBytes = 16 * 1024;

    private long BodyLimit => options.Value.MaxBytes + FormOverheadBytes;

    /// <summary>The most a request may send: Kestrel cuts the connection beyond it.</summary>
    private long DiscardLimit => Math.Max(BodyLimit, options.Value.MaxDiscardedUploadBytes);

    /// <summary>The form, or the Problem Details to answer instead (wrong content type, too large, unreadable).</summary>
    public async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType,
                "Unsupported content type", "Send the CV as multipart/form-data with the file in the \"cv\" field."));
        }

        // Kestrel's limit is raised to the discard bound; the upload's own, lower, limit is UploadLimitStream's.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DiscardLimit;
        }

        if (request.ContentLength > BodyLimit)
        {
            // Known from the headers. A client waiting for 100 Continue has sent nothing and will send nothing more.
            return request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase) || request.ContentLength > DiscardLimit
                ? (null, TooLargeAndClose(request))
                : (null, await DiscardRestAsync(request, request.Body, cancellationToken));
        }

        var body = request.Body;
        request.Body = new UploadLimitStream(body, BodyLimit);
        try
        {
            var form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = BodyLimit,
                ValueCountLimit = 200,
                ValueLengthLimit = 64 * 1024,
            }, cancellationToken);
            return (form, null);
        }
        catch (UploadTooLargeException)
        {
            return (null, await DiscardRestAsync(request, body, cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLargeAndClose(request)); // Past the discard bound: Kestrel has given up on the connection.
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, e.Message.Contains("Multipart body length", StringComparison.OrdinalIgnoreCase)
                ? await DiscardRestAsync(request, body, cancellationToken)
                : Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidForm, "The form is not valid", e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidForm, "The form is not valid",
                "The multipart body could not be read; check its boundary and parts."));
        }
        finally
        {
            request.Body = body;
        }
    }

    /// <summary>
    /// Reads what is left of an oversized body into a small buffer and drops it, so the client has finished sending
    /// when the 413 arrives and the connection can even stay open. Past the discard bound Kestrel refuses to read more
    /// and the 413 goes out with Connection: close.
    /// </summary>
    private async Task<ProblemHttpResult> DiscardRestAsync(HttpRequest request, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[DiscardBufferBytes];
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLargeAndClose(request);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return TooLargeAndClose(request); // The client stopped sending part-way; it may still read the answer.
        }

        return TooLarge();
    }

    private ProblemHttpResult TooLargeAndClose(HttpRequest request)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return TooLarge();
    }

    /// <summary>The form's CV file: the "cv" field, or its only file whatever the field is called; null if none.</summary>
    public static IFormFile? FindFile(IFormCollection form) =>
        form.Files.GetFile(FileField) ?? (form.Files.Count == 1 ? form.Files[0] : null);

    /// <summary>The CV's prompt text, or the extractor's rejection as Problem Details with its stable code and status.</summary>
    public async Task<(CvText? Cv, ProblemHttpResult? Problem)> ExtractAsync(IFormFile file, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = file.OpenReadStream();
            return (await extractor.ExtractAsync(content, file.FileName, file.ContentType, cancellationToken), null);
        }
        catch (CvRejectedException rejected)
        {
            return (null, Problems.Of(rejected.HttpStatus, rejected.Code, "The CV was rejected", rejected.Message));
        }
    }

    private ProblemHttpResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, CvRejectionCodes.TooLarge, "The CV is too large",
            $"The upload is larger than the {options.Value.MaxBytes / (1024 * 1024.0):0.#} MB CV limit.");
}
