using System.Security.Cryptography.X509Certificates;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// Where the data-protection keys (sign-in cookies, antiforgery and email-link tokens depend on them) are kept,
/// and how they are protected at rest. They live in the database (table DataProtectionKeys), so every instance
/// on one database shares them and a database backup carries them; encrypted with a certificate when
/// DataProtection:CertificatePath is set, otherwise protected only by the database's own access control.
/// </summary>
public static class KeyProtection
{
    public static void Configure(IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.PersistKeysToDbContext<CopDbContext>().SetApplicationName("CopPortal");

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

    /// <summary>
    /// Versions before the keys moved into the database kept them as files in {DataDirectory}/keys. On the first
    /// start with an empty key table those files are copied in, so people stay signed in and emailed links keep
    /// working across the upgrade. The files are left where they are (delete them once the upgrade is done).
    /// </summary>
    public static async Task<int> ImportKeyFilesAsync(CopDbContext db, string keysDirectory)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(keysDirectory) || await db.DataProtectionKeys.AnyAsync())
        {
            return 0;
        }
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(keysDirectory, "key-*.xml"))
        {
            // The repository's own naming: the file name without extension is the key's friendly name.
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file) });
            imported++;
        }
        await db.SaveChangesAsync();
        return imported;
    }
}
