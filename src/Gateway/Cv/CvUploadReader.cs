using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncHire.Gateway.Errors;
using SyncHire.Grains.Cv;

namespace SyncHire.Gateway.Cv;

/// <summary>
/// Reads a multipart upload with a CV and turns the file into prompt text. The body limit is raised for these
/// requests only, to the CV limit plus room for the form fields, and is enforced by the server while the body
/// streams in: a larger upload is cut off with 413 before it is buffered. The extractor then bounds the file's
/// own size, time and memory (see <see cref="ICvTextExtractor"/>).
/// </summary>
public sealed class CvUploadReader(ICvTextExtractor extractor, IOptions<CvOptions> options)
{
    /// <summary>The form field that carries the file.</summary>
    public const string FileField = "cv";

    /// <summary>Room for the other form fields (questions, metadata) and the multipart framing.</summary>
    public const long FormOverheadBytes = 256 * 1024;

    private long BodyLimit => options.Value.MaxBytes + FormOverheadBytes;

    /// <summary>The form, or the Problem Details to answer instead (wrong content type, too large, unreadable).</summary>
    public async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType,
                "Unsupported content type", "Send the CV as multipart/form-data with the file in the \"cv\" field."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = BodyLimit;
        }

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
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, e.Message.Contains("Multipart body length", StringComparison.OrdinalIgnoreCase)
                ? TooLarge()
                : Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidForm, "The form is not valid", e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidForm, "The form is not valid",
                "The multipart body could not be read; check its boundary and parts."));
        }
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
