using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>An earlier ToR version, read-only, so anyone can see what applied when.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewCommunity))]
public class TermsVersionModel(CopDbContext db, PortalOptions portal) : CommunityPageModel
{
    public TermsView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int number)
    {
        // Version numbers restart in every CoP: a number is looked up within this one only (404 if it has no such version).
        var version = await LoadChildAsync(db.TermsVersions.AsNoTracking(), t => t.VersionNumber == number);
        View = (await TermsView.LoadAsync(db, Community, version.VersionNumber, portal.NetworkRegion))!;
        return Page();
    }
}
