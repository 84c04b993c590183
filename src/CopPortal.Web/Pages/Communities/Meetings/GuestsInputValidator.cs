using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>A guest's name and email are needed for the invitation; their role and organisation are shown to the group.</summary>
public sealed class GuestsInputValidator : FormValidator<GuestsModel.InputModel>
{
    public GuestsInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter the guest's name").MaxChars(GuestService.NameMaxLength, "Name").SingleLine("Name");
        RuleFor(x => x.Email).EmailAddress("Enter the guest's email address").MaxChars(GuestService.EmailMaxLength, "Email address");
        RuleFor(x => x.Role).MaxChars(GuestService.RoleMaxLength, "Role").SingleLine("Role");
        RuleFor(x => x.Organisation).MaxChars(GuestService.RoleMaxLength, "Organisation").SingleLine("Organisation");
    }
}
