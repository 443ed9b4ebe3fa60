using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// What happens to a request before an endpoint sees it: armed faults ("pipeline") and the API key check. Fault
/// <see cref="EmulatorFault.AfterMessages"/> counts the requests this emulator received before the current one.
/// </summary>
internal sealed class OpenAIHttpGate(EmulatorOptions options, OpenAIHttpRequestLog log)
{
    public const string FaultName = "pipeline";

    private int _requests;

    /// <summary>
    /// Admits the request, or answers it (401, fault) and returns null. Admitted requests learn whether to cut the
    /// connection part-way through their response (<see cref="FaultKind.Drop"/>).
    /// </summary>
    public async Task<AdmittedRequest?> AdmitAsync(HttpContext context)
    {
        var earlier = Interlocked.Increment(ref _requests) - 1;
        var path = context.Request.Path.Value ?? "";
        var faults = options.Faults;
        if (faults.Take(FaultName, FaultKind.RefuseConnections, earlier) is not null)
        {
            // An HTTP server that is down answers nothing: the connection is reset before any response.
            log.Add(new RecordedAttempt(path, 0));
            context.Abort();
            return null;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            log.Add(new RecordedAttempt(path, StatusCodes.Status401Unauthorized));
            await OpenAIErrors.MissingKeyAsync(context);
            return null;
        }

        var key = authorization["Bearer ".Length..].Trim();
        if (!string.Equals(key, options.ApiKey, StringComparison.Ordinal))
        {
            log.Add(new RecordedAttempt(path, StatusCodes.Status401Unauthorized));
            await OpenAIErrors.WrongKeyAsync(context, key);
            return null;
        }

        if (faults.Take(FaultName, FaultKind.Delay, earlier) is { } delay)
        {
            await Task.Delay(delay.Delay, context.RequestAborted);
        }

        if (faults.Take(FaultName, FaultKind.Error, earlier) is not null)
        {
            log.Add(new RecordedAttempt(path, StatusCodes.Status500InternalServerError));
            await OpenAIErrors.ServerErrorAsync(context);
            return null;
        }

        return new AdmittedRequest(faults.Take(FaultName, FaultKind.Drop, earlier) is not null);
    }
}

/// <param name="Drop">Cut the connection after part of the response body.</param>
internal sealed record AdmittedRequest(bool Drop)
{
    /// <summary>Writes a complete body, or (when dropping) its first half and then resets the connection.</summary>
    public async Task WriteBodyAsync(HttpContext context, string contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.ContentType = contentType;
        if (!Drop)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
