using CopPortal.Web.Infrastructure.Forms.Validators;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A proposal for a new CoP. The name goes into the subject of the email to staff, so it is one line.</summary>
public sealed class ProposeInputValidator : FormValidator<ProposeModel.InputModel>
{
    public ProposeInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter a name for the community").MaxChars(ProposeModel.ShortMax, "Name of the community").SingleLine("Name of the community");
        RuleFor(x => x.WhoFor).Required("Enter who the community would be for").MaxChars(ProposeModel.LongMax, "Who it would be for");
        RuleFor(x => x.Purpose).Required("Enter the community's purpose").MaxChars(ProposeModel.LongMax, "Purpose");
        RuleFor(x => x.WhyNoExistingFits).Required("Enter why no existing community fits").MaxChars(ProposeModel.LongMax, "Why no existing community fits");
        RuleFor(x => x.ChairVolunteers).MaxChars(ProposeModel.LongMax, "Who would chair it");
        RuleFor(x => x.SecretaryVolunteers).MaxChars(ProposeModel.LongMax, "Who would be its secretary");
    }
}
