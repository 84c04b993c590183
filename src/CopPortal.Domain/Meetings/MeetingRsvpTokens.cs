using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// The token in an invitation's one-click RSVP links: the meeting and the member, protected by the app's
/// data-protection keys so nobody can answer for someone else. It is only good for that meeting, and the
/// answer page still checks the person is a member and the meeting takes answers (not cancelled, not started).
/// </summary>
public sealed class MeetingRsvpTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CopPortal.Meetings.Rsvp.v1");

    public string Create(int meetingId, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var payload = System.Text.Encoding.UTF8.GetBytes(meetingId.ToString(CultureInfo.InvariantCulture) + "\n" + userId);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The member the token names, if it is genuine and for this meeting; otherwise null.</summary>
    public string? UserFor(int meetingId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('\n', 2);
            return parts.Length == 2 && parts[0] == meetingId.ToString(CultureInfo.InvariantCulture) ? parts[1] : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
