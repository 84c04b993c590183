using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.People;

/// <summary>
/// Staff invitations: single use, expiring, and only a hash of the token kept. Each method returns the
/// raw token when one is issued; the caller emails it in the same SaveChanges and never stores it.
/// </summary>
public class InvitationService(CopDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public async Task<Invitation?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Invitation.HashToken(token);
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    /// <summary>Creates an invitation. Call SaveChanges after queuing the email.</summary>
    public (Invitation Invitation, string Token) Create(string email, string? note, string invitedById)
    {
        var now = clock.GetUtcNow();
        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            InvitedById = invitedById,
            CreatedAt = now,
            ExpiresAt = now + DefaultLifetime,
            TokenHash = Invitation.HashToken(token),
        };
        db.Invitations.Add(invitation);
        return (invitation, token);
    }

    /// <summary>Issues a new link (the old one stops working) and a fresh expiry. Not for used or revoked invitations.</summary>
    public string Resend(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var now = clock.GetUtcNow();
        if (invitation.StateAt(now) is InvitationState.Used or InvitationState.Revoked)
        {
            throw new InvalidOperationException("A used or revoked invitation cannot be resent.");
        }
        var token = Invitation.NewToken();
        invitation.TokenHash = Invitation.HashToken(token);
        invitation.ExpiresAt = now + DefaultLifetime;
        return token;
    }

    /// <summary>Revokes an open invitation; returns false when it was no longer open.</summary>
    public bool Revoke(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var now = clock.GetUtcNow();
        if (invitation.StateAt(now) != InvitationState.Open)
        {
            return false;
        }
        invitation.RevokedAt = now;
        return true;
    }

    /// <summary>Marks the invitation used by the new account; false if it is not open any more.</summary>
    public bool MarkUsed(Invitation invitation, string userId)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var now = clock.GetUtcNow();
        if (invitation.StateAt(now) != InvitationState.Open)
        {
            return false;
        }
        invitation.UsedAt = now;
        invitation.UsedByUserId = userId;
        return true;
    }
}
