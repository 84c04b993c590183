using CopPortal.Web.Infrastructure.Forms.Validators;

namespace CopPortal.Web.Pages.My;

/// <summary>The applicant's answer to the network team's question.</summary>
public sealed class RespondToRequestInputValidator : FormValidator<RespondToRequestModel.ResponseInput>
{
    public RespondToRequestInputValidator()
    {
        RuleFor(x => x.Answer).Required("Enter your answer").MaxChars(RespondToRequestModel.MaxLength, "Your answer");
    }
}
