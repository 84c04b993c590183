using System.Text;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Each demo library: a few documents, one with two versions, made in code (small real PDF and text files) and
/// stored through the file store; one member's suggestion waiting in the practitioners' library; and a few
/// actions there (open, done, overdue) for the actions page and /my.
/// </summary>
public static class DemoLibrary
{
    public static async Task LoadAsync(IServiceProvider services, PortalUser staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var db = services.GetRequiredService<CopDbContext>();
        var library = services.GetRequiredService<LibraryService>();
        var store = services.GetRequiredService<IFileStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var communities = await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Active).OrderBy(c => c.Id).ToListAsync();
        foreach (var community in communities)
        {
            var folders = (await library.EnsureStandardFoldersAsync(community.Id)).ToDictionary(f => f.Name);
            var guide = await library.AddAsync(community.Id, folders[LibraryFolder.Resources].Id, "Getting started guide",
                await StoreAsync(store, "getting-started.pdf", Pdf($"{community.Name}: getting started")), "First version", staff.Id, suggestion: false);
            await library.AddVersionAsync(guide, guide.ConcurrencyStamp,
                await StoreAsync(store, "getting-started.pdf", Pdf($"{community.Name}: getting started (updated)")), "Updated the meeting times", staff.Id);
            await library.AddAsync(community.Id, folders[LibraryFolder.Presentations].Id, "Welcome talk notes",
                await StoreAsync(store, "welcome-talk.txt", Encoding.UTF8.GetBytes($"Welcome to {community.Name}.\nNotes from the first meeting's talk.\n")), null, staff.Id, suggestion: false);
            db.ChangeTracker.Clear();
        }

        var practitioners = communities.FirstOrDefault(c => c.Slug == DemoData.PractitionersSlug);
        var member = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == DemoData.MemberEmail);
        var chair = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == DemoData.ChairEmail);
        if (practitioners is null || member is null || chair is null)
        {
            return;
        }
        var resources = (await library.FoldersAsync(practitioners.Id)).First(f => f.Name == LibraryFolder.Resources);
        await library.AddAsync(practitioners.Id, resources.Id, "Reading list on group supervision",
            await StoreAsync(store, "reading-list.txt", Encoding.UTF8.GetBytes("Reading list on group supervision\n- Three articles shared at the last meeting\n")),
            "Shared at the last meeting; could the core team add it?", member.Id, suggestion: true);

        var today = LondonTime.Today(clock);
        var now = clock.GetUtcNow();
        CommunityAction Action(string description, PortalUser owner, int dueInDays, ActionStatus status) => new()
        {
            CommunityId = practitioners.Id,
            Description = description,
            OwnerUserId = owner.Id,
            OwnerName = owner.DisplayName,
            DueOn = today.AddDays(dueInDays),
            Status = status,
            CreatedAt = now.AddDays(-30),
            CreatedById = chair.Id,
            UpdatedAt = now,
            ClosedAt = status == ActionStatus.Open ? null : now,
        };
        db.Actions.AddRange(
            Action("Share the group supervision survey with members", member, 10, ActionStatus.Open),
            Action("Send the room booking for the spring meeting", chair, -4, ActionStatus.Open),
            Action("Circulate the slides from the last talk", member, -12, ActionStatus.Done));
        await db.SaveChangesAsync();
    }

    private static async Task<LibraryFile> StoreAsync(IFileStore store, string name, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        var check = await UploadRules.CheckAsync(content, name);
        content.Position = 0;
        var stored = await store.SaveAsync(content);
        return new LibraryFile(stored.StoredName, name, check.Kind!.ContentType, stored.Length);
    }

    /// <summary>A one-page PDF with a line of text (ASCII), with a correct cross-reference table.</summary>
    private static byte[] Pdf(string text)
    {
        var safe = new string(text.Where(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\').ToArray());
        var stream = $"BT /F1 14 Tf 56 780 Td ({safe}) Tj ET";
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
            $"<</Length {stream.Length}>>\nstream\n{stream}\nendstream",
            "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
