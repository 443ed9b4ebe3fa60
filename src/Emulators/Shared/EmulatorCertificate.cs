using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SyncHire.Emulators.Shared;

/// <summary>
/// A throwaway self-signed certificate for serving the emulators over TLS on loopback. The official OpenAI Node client
/// always opens its Realtime socket as wss:// (it rewrites an http base URL's scheme), so reaching the emulator with
/// its defaults takes TLS; the client trusts this certificate through NODE_EXTRA_CA_CERTS, not a client setting.
/// </summary>
public static class EmulatorCertificate
{
    public static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        // Its own issuer: OpenSSL (Node) takes a certificate from its trust list as an anchor only when it may sign.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
    }

    /// <summary>Writes the certificate (no key) as PEM, the form NODE_EXTRA_CA_CERTS reads; returns the path.</summary>
    public static string WritePem(X509Certificate2 certificate, string path)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
