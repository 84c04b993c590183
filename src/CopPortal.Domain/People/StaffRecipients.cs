using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.People;

/// <summary>The network team's mailboxes: every user with the NetworkStaff role.</summary>
public static class StaffRecipients
{
    public static async Task<List<(string Email, string Name)>> ListAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from userRole in db.UserRoles
                          join role in db.Roles on userRole.RoleId equals role.Id
                          join user in db.Users on userRole.UserId equals user.Id
                          where role.Name == NetworkRoles.NetworkStaff && user.Email != null
                          orderby user.DisplayName
                          select new { user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Select(u => (u.Email!, u.DisplayName)).ToList();
    }
}
