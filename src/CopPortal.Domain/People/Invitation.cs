using System.Security.Cryptography;
using System.Text;

namespace CopPortal.Domain.People;

/// <summary>
/// A staff invitation for someone without an allowed email (e.g. an Expert by Experience).
/// Only a hash of the token is stored, so a database leak does not leak working links.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string? Note { get; set; }
    public string InvitedById { get; set; } = "";
    public PortalUser? InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : UsedAt is not null ? InvitationState.Used
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum InvitationState
{
    Open,
    Used,
    Expired,
    Revoked,
}
