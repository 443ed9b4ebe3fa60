using System.Net;
using System.Net.Sockets;

namespace SyncHire.Grains.Webhooks;

/// <summary>
/// Which IP addresses are not on the public internet, after IANA's special-purpose address registries (RFC 6890 and
/// its updates): a tenant-supplied URL must never make SyncHire connect to one, or a tenant could reach the pod's own
/// admin ports, the cluster's internal services or the cloud's metadata service (server-side request forgery).
/// IPv6 is judged by an allow list (global unicast, 2000::/3, minus its special blocks), so a range added to the
/// registry later is refused rather than missed; an IPv4 address inside IPv6 (mapped, NAT64) is judged as the IPv4
/// address it reaches.
/// </summary>
public static class SpecialPurposeAddresses
{
    private static readonly (IPNetwork Network, string Why)[] IPv4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"),
        (IPNetwork.Parse("10.0.0.0/8"), "private (10.0.0.0/8)"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT (100.64.0.0/10)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback (127.0.0.0/8)"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local, where cloud metadata lives (169.254.0.0/16)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private (172.16.0.0/12)"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (192.0.0.0/24)"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation (192.0.2.0/24)"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast (192.88.99.0/24)"),
        (IPNetwork.Parse("192.168.0.0/16"), "private (192.168.0.0/16)"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking (198.18.0.0/15)"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation (198.51.100.0/24)"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation (203.0.113.0/24)"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast (224.0.0.0/4)"),
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast (255.255.255.255)"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved (240.0.0.0/4)"),
    ];

    private static readonly byte[] Nat64Prefix = IPAddress.Parse("64:ff9b::").GetAddressBytes()[..12];
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    private static readonly (IPNetwork Network, string Why)[] IPv6 =
    [
        (IPNetwork.Parse("::/128"), "unspecified (::)"),
        (IPNetwork.Parse("::1/128"), "loopback (::1)"),
        (IPNetwork.Parse("fc00::/7"), "unique local, private (fc00::/7)"),
        (IPNetwork.Parse("fe80::/10"), "link-local (fe80::/10)"),
        (IPNetwork.Parse("fec0::/10"), "site-local (fec0::/10)"),
        (IPNetwork.Parse("ff00::/8"), "multicast (ff00::/8)"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation (2001:db8::/32)"),
        (IPNetwork.Parse("2001::/23"), "IETF protocol assignments, Teredo among them (2001::/23)"),
        (IPNetwork.Parse("2002::/16"), "6to4, which can tunnel to any IPv4 address (2002::/16)"),
        (IPNetwork.Parse("3fff::/20"), "documentation (3fff::/20)"),
    ];

    /// <summary>Why <paramref name="address"/> is not a public internet address, or null when it is one.</summary>
    public static string? WhyNotPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Find(IPv4, address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        var bytes = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6 || bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            var embedded = new IPAddress(bytes.AsSpan(12, 4));
            return Find(IPv4, embedded) is { } why ? $"{why}, inside IPv6" : null;
        }

        if (Find(IPv6, address) is { } special)
        {
            return special;
        }

        return GlobalUnicast.Contains(address) ? null : "not global unicast IPv6 (outside 2000::/3)";
    }

    private static string? Find((IPNetwork Network, string Why)[] table, IPAddress address)
    {
        foreach (var (network, why) in table)
        {
            if (network.Contains(address))
            {
                return why;
            }
        }

        return null;
    }
}
