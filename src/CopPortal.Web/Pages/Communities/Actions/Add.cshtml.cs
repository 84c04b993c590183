using System.Security.Claims;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Actions;

/// <summary>The core team adds an action outside minutes: what, a member or a named person as owner, and when by.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class AddModel(CopDbContext db, ActionService actions) : CommunityPageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public sealed class AddInput
    {
        public string? Description { get; set; }

        /// <summary>A member of the CoP, or empty for someone named in <see cref="OwnerName"/>.</summary>
        public string? OwnerUserId { get; set; }
        public string? OwnerName { get; set; }
        public DateInput DueOn { get; set; } = new();
    }

    public List<SelectListItem> Members { get; private set; } = [];

    public async Task OnGetAsync() => await LoadMembersAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadMembersAsync();
        await this.ValidateInputAsync(Input);
        if (!string.IsNullOrEmpty(Input.OwnerUserId) && Members.All(m => m.Value != Input.OwnerUserId))
        {
            ModelState.AddFirstError("Input.OwnerUserId", "Select a member of the community, or enter the name of someone else");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var member = string.IsNullOrEmpty(Input.OwnerUserId) ? null : Input.OwnerUserId;
        var ownerName = member is null ? FieldRules.Clean(Input.OwnerName) : Members.First(m => m.Value == member).Text;
        var action = await actions.AddAsync(Community.Id, FieldRules.Clean(Input.Description), member, ownerName, Input.DueOn.Value, userId, userName, cancellationToken);
        TempData["Success"] = "Action added.";
        return Redirect(PortalPaths.Action(Community.Slug, action.Id));
    }

    private async Task LoadMembersAsync()
    {
        Members = await db.Memberships.AsNoTracking().Where(m => m.CommunityId == Community.Id)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new SelectListItem(m.User!.DisplayName, m.UserId))
            .ToListAsync();
        foreach (var item in Members)
        {
            item.Selected = item.Value == Input.OwnerUserId;
        }
    }
}

public sealed class ActionAddInputValidator : FormValidator<AddModel.AddInput>
{
    public ActionAddInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Description).Required("Enter what needs to be done").MaxChars(CommunityAction.DescriptionMaxLength, "Action");
        RuleFor(x => x.OwnerName).MaxChars(200, "Owner's name").SingleLine("Owner's name")
            .Must((input, name) => !string.IsNullOrWhiteSpace(input.OwnerUserId) || !string.IsNullOrWhiteSpace(name))
            .WithMessage("Select a member as the owner, or enter the name of someone else");
        RuleFor(x => x.DueOn).RealDate("The due date")
            .Must(d => d.Value is null || d.Value >= LondonTime.Today(clock)).WithMessage("The due date must be today or in the future");
    }
}
