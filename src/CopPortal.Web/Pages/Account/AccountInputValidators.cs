using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Account;

/// <summary>The rules the account forms share: a person's name and a password that must be given.</summary>
public static class AccountRules
{
    public const int DisplayNameMaxLength = 100;
    public const int JobTitleMaxLength = 200;
    public const int OrganisationMaxLength = 200;

    /// <summary>A full name: given, not too long, and one line (it goes into email headers).</summary>
    public static IRuleBuilderOptions<T, string?> FullName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required("Enter your full name").MaxChars(DisplayNameMaxLength, "Full name").SingleLine("Full name");

    /// <summary>A password field that must not be empty; its strength is judged by Identity's validators.</summary>
    public static IRuleBuilderOptions<T, string?> Given<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => !string.IsNullOrEmpty(value)).WithMessage(message);
}

public sealed class RegisterInputValidator : FormValidator<Register.IndexModel.InputModel>
{
    public RegisterInputValidator()
    {
        RuleFor(x => x.DisplayName).FullName();
        RuleFor(x => x.Email).EmailAddress("Enter your email address");
        RuleFor(x => x.Password).Given("Enter a password");
    }
}

public sealed class InvitationInputValidator : FormValidator<InvitationModel.InputModel>
{
    public InvitationInputValidator()
    {
        RuleFor(x => x.DisplayName).FullName();
        RuleFor(x => x.Password).Given("Enter a password");
    }
}

public sealed class ProfileInputValidator : FormValidator<ProfileModel.InputModel>
{
    public ProfileInputValidator()
    {
        RuleFor(x => x.DisplayName).FullName();
        RuleFor(x => x.JobTitle).MaxChars(AccountRules.JobTitleMaxLength, "Job title").SingleLine("Job title");
        RuleFor(x => x.Organisation).MaxChars(AccountRules.OrganisationMaxLength, "Organisation").SingleLine("Organisation");
        RuleFor(x => x.Region).Must(region => region is not null && Regions.All.Contains(region)).WithMessage("Select your region");
        RuleFor(x => x.CareerStage)
            .Must(stage => string.IsNullOrEmpty(stage) || ParseCareerStage(stage) is not null)
            .WithMessage("Select your career stage");
    }

    /// <summary>The career stage an option's value names; null for an empty or made-up value (numbers are refused).</summary>
    public static CareerStage? ParseCareerStage(string? value) =>
        !string.IsNullOrEmpty(value) && !int.TryParse(value, out _) && Enum.TryParse<CareerStage>(value, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}

public sealed class ResetPasswordInputValidator : FormValidator<ResetPasswordModel.InputModel>
{
    public ResetPasswordInputValidator()
    {
        RuleFor(x => x.Password).Given("Enter a new password");
    }
}

public sealed class ForgotPasswordInputValidator : FormValidator<ForgotPasswordModel.InputModel>
{
    public ForgotPasswordInputValidator()
    {
        RuleFor(x => x.Email).EmailAddress("Enter your email address");
    }
}

public sealed class ResendConfirmationInputValidator : FormValidator<ResendConfirmationModel.InputModel>
{
    public ResendConfirmationInputValidator()
    {
        RuleFor(x => x.Email).EmailAddress("Enter your email address");
    }
}

public sealed class CloseAccountInputValidator : FormValidator<CloseAccountModel.InputModel>
{
    public CloseAccountInputValidator()
    {
        RuleFor(x => x.Password).Given("Enter your password");
    }
}

public sealed class ChangePasswordInputValidator : FormValidator<ChangePasswordModel.InputModel>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).Given("Enter your current password");
        RuleFor(x => x.NewPassword).Given("Enter a new password");
    }
}

/// <summary>
/// Sign-in checks only that both boxes are filled: an address in a wrong format gets the same answer as a wrong
/// password, so the form tells nobody which addresses exist.
/// </summary>
public sealed class SignInInputValidator : FormValidator<SignInModel.InputModel>
{
    public SignInInputValidator()
    {
        RuleFor(x => x.Email).Required("Enter your email address");
        RuleFor(x => x.Password).Given("Enter your password");
    }
}
