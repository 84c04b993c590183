using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Accounts;

/// <summary>Password and email wording shared by every form that sets a password.</summary>
public static class PasswordRules
{
    /// <summary>NCSC guidance: length beats complexity rules. Identity is configured to match (12 characters, no composition rules).</summary>
    public const string Hint = "Use at least 12 characters. A long password is easier to remember and harder to guess than a short complicated one: try 3 random words. You do not need symbols or numbers. Avoid common passwords and your own name or email address.";

    public static bool LooksLikeEmail(string value) =>
        value.Length <= 256 && !value.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Copies Identity's errors into the form in NHS.UK wording.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IdentityResult result, string passwordKey, string? emailKey = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.PasswordTooShort):
                    modelState.AddModelError(passwordKey, "Password must be 12 characters or more");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars):
                    modelState.AddModelError(passwordKey, "Password must use at least 4 different characters");
                    break;
                case nameof(IdentityErrorDescriber.PasswordMismatch):
                    modelState.AddModelError(passwordKey, "Your current password is not correct");
                    break;
                case CopPortal.Web.Infrastructure.Security.PasswordStrengthValidator.ErrorCode:
                    modelState.AddModelError(passwordKey, error.Description);
                    break;
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) when emailKey is not null:
                    modelState.AddModelError(emailKey, "An account with this email address already exists. Sign in or reset your password");
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) when emailKey is not null:
                    modelState.AddModelError(emailKey, "Enter an email address in the correct format, like name@example.nhs.uk");
                    break;
                default:
                    modelState.AddModelError(passwordKey, error.Description);
                    break;
            }
        }
    }
}
