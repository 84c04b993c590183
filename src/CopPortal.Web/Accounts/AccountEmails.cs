using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;

namespace CopPortal.Web.Accounts;

/// <summary>
/// The account emails. Each is queued in the caller's unit of work (the outbox), so it is sent only
/// if the change that caused it is saved. Plain text, plain English, and always says what to do next.
/// </summary>
public sealed class AccountEmails(Outbox outbox, IPortalSite site, PortalOptions portal, TimeProvider clock)
{
    /// <summary>Emails anyone can trigger by typing an address: at most this many of a kind to one address...</summary>
    public const int MaxTriggeredPerAddress = 3;

    /// <summary>...within this window, so the forms cannot be used to flood someone's inbox.</summary>
    public static readonly TimeSpan TriggeredWindow = TimeSpan.FromMinutes(15);

    public const string ConfirmEmailKind = "account.confirm-email";
    public const string AlreadyRegisteredKind = "account.already-registered";
    public const string PasswordResetKind = "account.password-reset";
    public const string PasswordChangedKind = "account.password-changed";
    public const string InvitationKind = "account.invitation";

    private string Service => $"{portal.NetworkName} communities of practice";

    private string Help => string.IsNullOrWhiteSpace(portal.ContactEmail)
        ? "If you need help, contact the network team who run the portal."
        : $"If you need help, email the network team at {portal.ContactEmail}.";

    public static string ConfirmPath(string userId, string token) =>
        PortalPaths.ConfirmEmail(userId, PortalLinks.EncodeToken(token));

    public static string ResetPath(string userId, string token) =>
        PortalPaths.ResetPassword(userId, PortalLinks.EncodeToken(token));

    public static string InvitationPath(string token) => PortalPaths.Invitation(token);

    /// <summary>
    /// Whether another email of this kind may go to this person now. The pages that ask answer the visitor the
    /// same way either way, so the limit reveals nothing about who has an account.
    /// </summary>
    public async Task<bool> MaySendTriggeredAsync(string kind, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await outbox.CountQueuedAfterAsync(kind, user.Email!, clock.GetUtcNow() - TriggeredWindow) < MaxTriggeredPerAddress;
    }

    public OutboxMessage QueueConfirmation(PortalUser user, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = $"""
            Hello {user.DisplayName},

            You have registered for the {Service}.

            To finish, confirm your email address by opening this link:

            {site.Url(ConfirmPath(user.Id, token))}

            The link works for 24 hours. If it has expired, ask for a new one at:
            {site.Url(PortalPaths.ResendConfirmation)}

            If you did not register, you do not need to do anything: the account will not be usable without this link.

            {Help}
            """;
        return outbox.Enqueue(ConfirmEmailKind, user.Email!, user.DisplayName, $"Confirm your email address for the {Service}", body);
    }

    /// <summary>Someone tried to register an address that already has an account; tell the owner rather than the visitor.</summary>
    public OutboxMessage QueueAlreadyRegistered(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = $"""
            Hello {user.DisplayName},

            Someone tried to register for the {Service} with this email address, but you already have an account.

            Sign in here:
            {site.Url(PortalPaths.SignIn)}

            If you have forgotten your password, reset it here:
            {site.Url(PortalPaths.ForgotPassword)}

            If this was not you, you do not need to do anything. Your account has not been changed.

            {Help}
            """;
        return outbox.Enqueue(AlreadyRegisteredKind, user.Email!, user.DisplayName, $"You already have an account for the {Service}", body);
    }

    public OutboxMessage QueuePasswordReset(PortalUser user, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = $"""
            Hello {user.DisplayName},

            We received a request to reset the password for your {Service} account.

            To choose a new password, open this link:

            {site.Url(ResetPath(user.Id, token))}

            The link works for 24 hours and only once.

            If you did not ask to reset your password, you do not need to do anything. Your password has not been changed.

            {Help}
            """;
        return outbox.Enqueue(PasswordResetKind, user.Email!, user.DisplayName, $"Reset your password for the {Service}", body);
    }

    public OutboxMessage QueuePasswordChanged(PortalUser user, DateTimeOffset when)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = $"""
            Hello {user.DisplayName},

            The password for your {Service} account was changed on {LondonTime.Date(when)}.

            If you changed it, you do not need to do anything.

            If you did not change it, reset your password straight away:
            {site.Url(PortalPaths.ForgotPassword)}

            and tell the network team. {Help}
            """;
        return outbox.Enqueue(PasswordChangedKind, user.Email!, user.DisplayName, $"Your password for the {Service} has been changed", body);
    }

    public OutboxMessage QueueInvitation(Invitation invitation, string token, string inviterName)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var note = string.IsNullOrWhiteSpace(invitation.Note) ? "" : $"""

            A message from {inviterName}:
            {invitation.Note}

            """;
        var body = $"""
            Hello,

            {inviterName} from the network team has invited you to create an account on the {Service}.
            {note}
            To create your account, open this link:

            {site.Url(InvitationPath(token))}

            The link can be used once and works until {LondonTime.Date(invitation.ExpiresAt)}. If it has expired, ask the network team to send a new one.

            If you were not expecting this email, you can ignore it.

            {Help}
            """;
        return outbox.Enqueue(InvitationKind, invitation.Email, null, $"You are invited to join the {Service}", body);
    }
}
