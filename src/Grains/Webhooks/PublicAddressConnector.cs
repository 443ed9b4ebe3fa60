using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the receiver's host itself and
/// connects only to an address that <see cref="SpecialPurposeAddresses"/> calls public (unless private networks are
/// allowed). Checking the very addresses the socket connects to, after resolution, is what stops DNS rebinding: a
/// name that resolved to a public address when the interview was created and to 127.0.0.1 now is refused now.
/// </summary>
public sealed class PublicAddressConnector(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = options.Value.PrivateNetworksAllowed
            ? addresses
            : addresses.Where(address => SpecialPurposeAddresses.WhyNotPublic(address) is null).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(RefusalOf(host, addresses));
        }

        // Dual mode (IPv6 with IPv4 mapped in), as SocketsHttpHandler's own connect: one socket reaches either family.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What the delivery record and the log say: the addresses found and why each is refused.</summary>
    private static string RefusalOf(string host, IPAddress[] addresses)
    {
        var found = string.Join(", ", addresses.Select(address => $"{address}: {SpecialPurposeAddresses.WhyNotPublic(address)}"));
        var what = IPAddress.TryParse(host, out _) ? $"{found}, not a public address"
            : addresses.Length == 0 ? $"{host} resolves to no address"
            : $"{host} resolves to {found}, none of them a public address";
        return $"refused: {what}; webhooks go only to public addresses while " +
            $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.AllowPrivateNetworks)} is false";
    }
}
