using System.Globalization;
using System.Security.Cryptography;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using Microsoft.AspNetCore.DataProtection;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// Signed one-click unsubscribe links: the token names one person and one topic and is protected by ASP.NET Core
/// Data Protection (the key ring all instances share), so it cannot be forged or changed to another person or topic
/// and needs no sign-in. It carries its issue time and is refused after <see cref="Lifetime"/>, judged by the
/// injected clock.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, TimeProvider clock, PortalOptions portal)
{
    /// <summary>Long enough for an old email to still work; a stale link sends the person to the settings page.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector _protector = protection.CreateProtector("CopPortal.Unsubscribe.v1");
    private readonly PortalSite _site = new(portal);

    public string Token(string userId, EmailTopic topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(string.Join('\n', userId, ((int)topic).ToString(CultureInfo.InvariantCulture), issued));
    }

    /// <summary>The absolute link (from PublicBaseUrl, never the request) for an email's footer and List-Unsubscribe.</summary>
    public string Url(string userId, EmailTopic topic) => _site.Url(PortalPaths.Unsubscribe(Token(userId, topic)));

    /// <summary>The settings page, absolute, for email footers.</summary>
    public string SettingsUrl => _site.Url(PortalPaths.MyNotifications);

    /// <summary>Reads a token: who and which topic, or why it cannot be used.</summary>
    public UnsubscribeRequest Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return UnsubscribeRequest.Invalid;
        }
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return UnsubscribeRequest.Invalid;
        }
        var parts = plain.Split('\n');
        if (parts.Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var topicNumber)
            || !Enum.IsDefined((EmailTopic)topicNumber)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedSeconds))
        {
            return UnsubscribeRequest.Invalid;
        }
        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        if (clock.GetUtcNow() - issued > Lifetime)
        {
            return UnsubscribeRequest.Expired;
        }
        return new UnsubscribeRequest(UnsubscribeTokenState.Valid, parts[0], (EmailTopic)topicNumber);
    }
}

public enum UnsubscribeTokenState
{
    Valid,
    Invalid,
    Expired,
}

public sealed record UnsubscribeRequest(UnsubscribeTokenState State, string UserId = "", EmailTopic Topic = default)
{
    public static UnsubscribeRequest Invalid { get; } = new(UnsubscribeTokenState.Invalid);
    public static UnsubscribeRequest Expired { get; } = new(UnsubscribeTokenState.Expired);
}
