using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Proposals;

/// <summary>One proposal: accept (creates a draft CoP, proposer becomes chair-designate) or decline with a reason.</summary>
public class DecideModel(CopDbContext db, ProposalService proposals) : PageModel
{
    public CommunityProposal Proposal { get; private set; } = default!;
    public string ProposerName { get; private set; } = "";
    public string? ProposerEmail { get; private set; }
    public string? DecidedByName { get; private set; }
    public Community? CreatedCommunity { get; private set; }

    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    public sealed class DeclineInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var (result, community) = await proposals.AcceptAsync(Proposal, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        switch (result)
        {
            case ProposalDecisionResult.AlreadyDecided:
                TempData["Notice"] = "This proposal has already been decided.";
                return Redirect(PortalPaths.ProposalDecision(id));
            case ProposalDecisionResult.NameTaken:
                ModelState.AddModelError("", $"A community called {Proposal.Name} already exists. Decline this proposal and point the proposer to it, or create a community with a different name.");
                return Page();
        }
        TempData["Success"] = $"Proposal accepted. {community!.Name} has been created as a draft with {ProposerName} as chair. We have emailed them";
        return Redirect(PortalPaths.ManageCommunity(community.Slug));
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(Decline, nameof(Decline)))
        {
            return Page();
        }
        var result = await proposals.DeclineAsync(Proposal, TermsInput.Clean(Decline.Reason), User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        TempData[result == ProposalDecisionResult.Done ? "Success" : "Notice"] = result == ProposalDecisionResult.Done
            ? $"Proposal declined. We have emailed {ProposerName} with your reason"
            : "This proposal has already been decided.";
        return Redirect(result == ProposalDecisionResult.Done ? PortalPaths.StaffProposals : PortalPaths.ProposalDecision(id));
    }

    private async Task<bool> LoadAsync(int id)
    {
        var proposal = await db.Proposals.Include(p => p.Proposer).Include(p => p.DecidedBy).FirstOrDefaultAsync(p => p.Id == id);
        if (proposal is null)
        {
            return false;
        }
        Proposal = proposal;
        ProposerName = proposal.Proposer!.DisplayName;
        ProposerEmail = proposal.Proposer.Email;
        DecidedByName = proposal.DecidedBy?.DisplayName;
        if (proposal.CreatedCommunityId is { } communityId)
        {
            CreatedCommunity = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId);
        }
        return true;
    }
}
