using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// Runs on every silo-hosting process and drains the webhook outbox: claims due deliveries under a lease, POSTs each
/// signed, and records the outcome — delivered on 2xx, otherwise retried with backoff and dead-lettered after
/// <see cref="WebhookOptions.MaxAttempts"/>; an address refused by <see cref="PublicAddressConnector"/> fails at once,
/// with the reason in the delivery's last error. A process that stops or dies mid-attempt records nothing: the lease
/// runs out and any silo attempts the delivery again, so receivers get every event at least once.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private readonly IWebhookOutbox _outbox;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly IHttpClientFactory _clients;

    /// <summary>The named HttpClient deliveries go through (registered by AddInterviewCompletion).</summary>
    public const string HttpClientName = "SyncHire.Webhooks";

    public WebhookDispatcher(
        IWebhookOutbox outbox, IOptions<WebhookOptions> options, TimeProvider time, IHttpClientFactory clients, ILogger<WebhookDispatcher> logger)
    {
        _outbox = outbox;
        _options = options.Value;
        _time = time;
        _clients = clients;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            WebhookLog.WebhooksOff(_logger, $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.SigningSecret)}");
            return;
        }

        var privateNetworksSetting = $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.AllowPrivateNetworks)}";
        if (_options.PrivateNetworksAllowed)
        {
            WebhookLog.PrivateNetworksAllowed(_logger, privateNetworksSetting);
        }
        else
        {
            WebhookLog.PublicAddressesOnly(_logger, privateNetworksSetting);
        }

        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        try
        {
            do
            {
                try
                {
                    await DispatchDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    WebhookLog.PollFailed(_logger, exception, _options.PollInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: attempts in flight are abandoned to their leases.
        }
    }

    /// <summary>One poll: claims what is due and attempts it all at once.</summary>
    public async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claims = await _outbox.ClaimDueAsync(_time.GetUtcNow(), _options.Lease, _options.BatchSize, cancellationToken);
        await Task.WhenAll(claims.Select(claim => AttemptAsync(claim, cancellationToken)));
    }

    private async Task AttemptAsync(WebhookClaim claim, CancellationToken stopping)
    {
        var message = claim.Message;
        string failure;
        var permanent = false;
        try
        {
            var status = await PostAsync(message, stopping);
            if (status is >= 200 and < 300)
            {
                await _outbox.MarkDeliveredAsync(message.Id, _time.GetUtcNow(), CancellationToken.None);
                WebhookLog.Delivered(_logger, message.Id, message.EventType, claim.Attempt);
                return;
            }

            failure = $"HTTP {status}";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // The lease expires and another process (or this one, restarted) attempts it again.
        }
        catch (OperationCanceledException)
        {
            failure = $"no answer within {_options.RequestTimeout}";
        }
        catch (HttpRequestException exception) when (exception.InnerException is WebhookAddressRefusedException refused)
        {
            failure = refused.Message;
            permanent = true; // The same address is refused on every attempt: failed now, not retried.
        }
        catch (HttpRequestException exception)
        {
            failure = exception.Message;
        }

        var next = _options.NextAttemptAt(claim.Attempt, _time.GetUtcNow());
        var outcome = await _outbox.MarkFailedAsync(claim, failure, next, permanent ? claim.Attempt : _options.MaxAttempts, CancellationToken.None);
        switch (outcome)
        {
            case WebhookFailureOutcome.DeadLettered when permanent:
                WebhookLog.FailedForGood(_logger,
                    message.Id, message.EventType, HostOf(message.Url), claim.Attempt, failure);
                break;
            case WebhookFailureOutcome.DeadLettered:
                WebhookLog.DeadLettered(_logger,
                    message.Id, message.EventType, HostOf(message.Url), claim.Attempt, failure);
                break;
            case WebhookFailureOutcome.RetryScheduled:
                WebhookLog.RetryScheduled(_logger,
                    message.Id, message.EventType, HostOf(message.Url), claim.Attempt, failure, next);
                break;
            default:
                WebhookLog.LeaseLost(_logger, message.Id);
                break;
        }
    }

    private async Task<int> PostAsync(WebhookMessage message, CancellationToken stopping)
    {
        var body = Encoding.UTF8.GetBytes(message.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(_options.SigningSecret!, _time.GetUtcNow(), body));
        request.Headers.Add(WebhookSignature.EventHeaderName, message.EventType);
        request.Headers.Add(WebhookSignature.DeliveryHeaderName, message.Id);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(_options.RequestTimeout);
        using var http = _clients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
        return (int)response.StatusCode;
    }

    /// <summary>Logs name the receiver's host only: a URL's path or query may carry the platform's own secrets.</summary>
    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "?";
}
