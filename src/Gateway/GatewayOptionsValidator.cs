using Microsoft.Extensions.Options;
using SyncHire.Gateway.Tokens;
using SyncHire.Platform.Hosting;

namespace SyncHire.Gateway;

/// <summary>
/// Refuses to start on gateway settings that would make it useless, naming the setting (never a secret's value).
/// The signing key depends on the deployment: a cluster's gateways must share one, a single node may go without.
/// </summary>
public sealed class GatewayOptionsValidator(IOptions<DatabaseOptions> database) : IValidateOptions<GatewayOptions>
{
    private const string Section = GatewayOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        List<string> failures = [];
        try
        {
            TokenSigningKey.Resolve(options.TokenSigningKey, inCluster: database.Value.IsPostgres);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }

        if (options.CandidateTokenLifetime <= TimeSpan.Zero || options.CandidateTokenLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:{nameof(GatewayOptions.CandidateTokenLifetime)} must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.MaxClientMessageBytes < 1024)
        {
            failures.Add($"{Section}:{nameof(GatewayOptions.MaxClientMessageBytes)} must be at least 1024.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add($"{Section}:{nameof(GatewayOptions.MaxRequestBodyBytes)} must be at least 1024.");
        }

        if (options.WebSocketKeepAliveInterval < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(GatewayOptions.WebSocketKeepAliveInterval)} must not be negative (00:00:00 turns pings off).");
        }

        foreach (var origin in options.AllowedOrigins())
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/"))
            {
                failures.Add($"{Section}:{nameof(GatewayOptions.CorsOrigins)} entries must be origins like https://app.example.com (or *); got '{origin}'.");
            }
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query)))
        {
            failures.Add($"{Section}:{nameof(GatewayOptions.PublicBaseUrl)} must be an absolute http(s) URL without a query, like https://interviews.example.com.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
