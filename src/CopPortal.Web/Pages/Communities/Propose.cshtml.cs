using CopPortal.Domain.Communities;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A signed-in user proposes a new CoP; the network team decides at /staff/proposals.</summary>
[Authorize]
[RateLimitPosts(RateLimitScope.Proposal)]
public class ProposeModel(ProposalService proposals, UserManager<CopPortal.Domain.People.PortalUser> users) : PageModel
{
    public const int ShortMax = 150;
    public const int LongMax = 2000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? WhoFor { get; set; }
        public string? Purpose { get; set; }
        public string? WhyNoExistingFits { get; set; }
        public string? ChairVolunteers { get; set; }
        public string? SecretaryVolunteers { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var proposal = new CommunityProposal
        {
            ProposerId = users.GetUserId(User)!,
            Name = TermsInput.Clean(Input.Name),
            WhoFor = TermsInput.Clean(Input.WhoFor),
            Purpose = TermsInput.Clean(Input.Purpose),
            WhyNoExistingFits = TermsInput.Clean(Input.WhyNoExistingFits),
            ChairVolunteers = string.IsNullOrWhiteSpace(Input.ChairVolunteers) ? null : TermsInput.Clean(Input.ChairVolunteers),
            SecretaryVolunteers = string.IsNullOrWhiteSpace(Input.SecretaryVolunteers) ? null : TermsInput.Clean(Input.SecretaryVolunteers),
        };
        TempData["Success"] = await proposals.SubmitAsync(proposal)
            ? $"Thank you. We have sent your proposal for {proposal.Name} to the network team. They will email you with their decision."
            : $"You have already proposed {proposal.Name}. The network team will email you with their decision.";
        return Redirect(PortalPaths.Communities);
    }
}
