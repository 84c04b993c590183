using System.Security.Claims;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>"Your open actions" on /my: a section of its own, so the home page's model stays as it was.</summary>
public sealed class MyOpenActionsViewComponent(CopDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Row(int Id, string Description, string Community, string Slug, DateOnly? DueOn, bool Overdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var today = LondonTime.Today(clock);
        var rows = userId is null ? [] : await s_openActions.For(db)(db, userId).ToListAsync();
        return View(rows.Select(r => new Row(r.Id, r.Description, r.Community, r.Slug, r.DueOn, r.DueOn is { } due && due < today)).ToList());
    }

    private sealed record Found(int Id, string Description, string Community, string Slug, DateOnly? DueOn);

    // On every view of the home page: compiled once.
    private static readonly CompiledQuery<Func<CopDbContext, string, IAsyncEnumerable<Found>>> s_openActions = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string userId) => db.Actions.AsNoTracking()
            .Where(a => a.OwnerUserId == userId && a.Status == ActionStatus.Open)
            .Join(db.Communities, a => a.CommunityId, c => c.Id, (a, c) => new { a.Id, a.Description, c.Name, c.Slug, a.DueOn })
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Take(50)
            .Select(a => new Found(a.Id, a.Description, a.Name, a.Slug, a.DueOn))));
}
