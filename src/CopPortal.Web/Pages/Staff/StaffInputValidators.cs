using CopPortal.Domain.Communities;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Staff;

public sealed class InvitationInputValidator : FormValidator<Invitations.NewModel.InputModel>
{
    public const int NoteMaxLength = 1000;

    public InvitationInputValidator()
    {
        RuleFor(x => x.Email).EmailAddress("Enter their email address", "name@example.com");
        RuleFor(x => x.Note).MaxChars(NoteMaxLength, "Message");
    }
}

public sealed class CloseAccountReasonValidator : FormValidator<People.CloseModel.InputModel>
{
    public CloseAccountReasonValidator()
    {
        RuleFor(x => x.Reason).Required("Enter the reason for closing the account").MaxChars(People.CloseModel.ReasonMaxLength, "Reason");
    }
}

/// <summary>A domain to allow; whether it is already on the list is checked by the page against the database.</summary>
public sealed class EmailDomainInputValidator : FormValidator<EmailDomainsModel.InputModel>
{
    public const int DescriptionMaxLength = 200;

    public EmailDomainInputValidator()
    {
        RuleFor(x => x.Domain)
            .Required("Enter a domain")
            .Must(domain => AllowedEmailDomain.Normalise(domain) is not null)
            .WithMessage("Enter a domain in the correct format, like nhs.uk, without the @ or any spaces");
        RuleFor(x => x.Description).MaxChars(DescriptionMaxLength, "Description");
    }
}

/// <summary>
/// A reviewer's decision on a join request. The form's fields belong to different buttons, so each handler runs
/// its own rule set: <see cref="Decline"/> (with the page's reason templates as context) or <see cref="RequestInformation"/>.
/// </summary>
public sealed class JoinDecisionInputValidator : FormValidator<JoinRequests.ReviewModel.DecisionInput>
{
    public const string Decline = "Decline";
    public const string RequestInformation = "RequestInformation";

    /// <summary>The ids of the decline reasons the page offers.</summary>
    public sealed record Templates(IReadOnlySet<int> Ids);

    public JoinDecisionInputValidator()
    {
        RuleSet(Decline, () =>
        {
            RuleFor(x => x.TemplateId)
                .Must((input, id, context) => (id is int value && context.FormContext<Templates>().Ids.Contains(value)) || !string.IsNullOrWhiteSpace(input.DeclineDetail))
                .WithMessage("Select a reason for declining, or write your own");
            RuleFor(x => x.DeclineDetail).MaxChars(JoinRequests.ReviewModel.MaxTextLength, "Anything else to tell the applicant");
        });
        RuleSet(RequestInformation, () =>
        {
            RuleFor(x => x.Question)
                .Required("Enter what you would like the applicant to tell you")
                .MaxChars(JoinRequests.ReviewModel.MaxTextLength, "Your question");
        });
    }
}

public sealed class DeclineProposalInputValidator : FormValidator<Proposals.DecideModel.DeclineInput>
{
    public const int ReasonMaxLength = 2000;

    public DeclineProposalInputValidator()
    {
        RuleFor(x => x.Reason).Required("Enter the reason for declining. We send it to the proposer").MaxChars(ReasonMaxLength, "Reason for declining");
    }
}

/// <summary>The rules for a CoP's name, web address name and summary, shared by the create and manage forms.</summary>
public static class CommunityDetailRules
{
    /// <summary>Community names go into email subjects, so they are one line.</summary>
    public static IRuleBuilderOptions<T, string?> CommunityName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required("Enter the community's name").MaxChars(CommunityAdmin.NameMaxLength, "Name").SingleLine("Name");

    public static IRuleBuilderOptions<T, string?> WebAddressName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => Slugs.IsValid(slug?.Trim()))
            .WithMessage($"Web address name must use only lower-case letters, numbers and single hyphens, and be {Slugs.MaxLength} characters or fewer");

    public static IRuleBuilderOptions<T, string?> CommunitySummary<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required("Enter a short summary of who the community is for").MaxChars(CommunityAdmin.SummaryMaxLength, "Summary");
}

/// <summary>A new draft CoP. Names and web addresses already in use are checked by CommunityAdmin against the database.</summary>
public sealed class CreateCommunityInputValidator : FormValidator<Communities.CreateModel.InputModel>
{
    public CreateCommunityInputValidator()
    {
        RuleFor(x => x.Name).CommunityName();
        RuleFor(x => x.Slug).WebAddressName().When(x => !string.IsNullOrWhiteSpace(x.Slug));
        RuleFor(x => x.Summary).CommunitySummary();
        RuleFor(x => x.MeetingFrequencyMonths).MeetingFrequency();
        RuleFor(x => x.MeetingDurationMinutes).MeetingDuration();
    }
}

public sealed class CommunityDetailsInputValidator : FormValidator<Communities.ManageModel.DetailsInput>
{
    public CommunityDetailsInputValidator()
    {
        RuleFor(x => x.Name).CommunityName();
        RuleFor(x => x.Slug).Required("Enter the web address name").WebAddressName();
        RuleFor(x => x.Summary).CommunitySummary();
    }
}

/// <summary>Someone given a core-team role; whether they have an account is checked by the page.</summary>
public sealed class AssignRoleInputValidator : FormValidator<Communities.ManageModel.AssignInput>
{
    public AssignRoleInputValidator()
    {
        RuleFor(x => x.Email).Must(email => !string.IsNullOrEmpty(EmailAddresses.Normalise(email))).WithMessage("Enter the person's email address");
        RuleFor(x => x.Role).Bound("Select a role").Must(IsCoreRole).WithMessage("Select a role");
    }

    public static bool IsCoreRole(CommunityRole? role) => role is CommunityRole.Chair or CommunityRole.CoChair or CommunityRole.Secretary;
}

public sealed class VacancyInputValidator : FormValidator<Communities.ManageModel.VacancyInput>
{
    public const int DescriptionMaxLength = 1000;

    public VacancyInputValidator()
    {
        RuleFor(x => x.Role).Bound("Select the role you are looking for").Must(AssignRoleInputValidator.IsCoreRole).WithMessage("Select the role you are looking for");
        RuleFor(x => x.Description).MaxChars(DescriptionMaxLength, "Description");
    }
}

/// <summary>The network's ground rules, published at /ground-rules and agreed to on every join form.</summary>
public sealed class GroundRulesInputValidator : FormValidator<GroundRulesModel.InputModel>
{
    public GroundRulesInputValidator()
    {
        RuleFor(x => x.Text)
            .Required("Enter the ground rules")
            .MaxChars(GroundRules.MaxLength, "Ground rules");
    }
}
