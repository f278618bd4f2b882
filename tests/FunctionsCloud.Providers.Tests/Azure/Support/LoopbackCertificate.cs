using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FunctionsCloud.Providers.Tests.Azure.Support;

/// <summary>
/// A self-signed certificate for 127.0.0.1. Azure.Core sends bearer tokens only over HTTPS and Azure.Identity wants an
/// HTTPS authority, so the fake ARM and Entra ID speak TLS; the test transport trusts exactly this certificate.
/// </summary>
public static class LoopbackCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Reloaded from PKCS#12 so Kestrel can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}
