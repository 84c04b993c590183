using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// Where the data-protection keys (sign-in cookies, antiforgery and email-link tokens depend on them) are kept,
/// and how they are protected at rest: encrypted with a certificate when DataProtection:CertificatePath is set,
/// otherwise unencrypted in a folder only the portal's user can open.
/// </summary>
public static class KeyProtection
{
    public static void Configure(IDataProtectionBuilder builder, IConfiguration configuration, string keysDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = new DirectoryInfo(keysDirectory);
        if (!keys.Exists)
        {
            keys.Create();
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        builder.PersistKeysToFileSystem(keys).SetApplicationName("CopPortal");

        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(certificatePath))
        {
            return;
        }
        if (!File.Exists(certificatePath))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath is \"{certificatePath}\", but there is no file there.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException(
                "DataProtection:CertificatePath could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword.", ex);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("The DataProtection:CertificatePath certificate has no private key, so the keys it protects could not be read back.");
        }
        builder.ProtectKeysWithCertificate(certificate);
    }
}
