using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Library;

/// <summary>A file already in the file store, described for the library.</summary>
public sealed record LibraryFile(string StoredName, string FileName, string ContentType, long Length);

/// <summary>
/// The library's changes, each saved in one SaveChanges with its audit entries (and email, where there is one).
/// Permission is the caller's: pages check the community operation first.
/// </summary>
public sealed class LibraryService(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock)
{
    /// <summary>The CoP's folders, standard ones first. Only reads: a GET never writes (see <see cref="EnsureStandardFoldersAsync"/>).</summary>
    public Task<List<LibraryFolder>> FoldersAsync(int communityId, CancellationToken cancellationToken = default) =>
        db.LibraryFolders.AsNoTracking().Where(f => f.CommunityId == communityId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Gives a CoP that has no folders its four standard ones, and returns its folders. Called when a CoP is created
    /// or published, by the start-up backfill for CoPs made before libraries existed, and before any library POST
    /// that needs a folder; never from a GET. Saves.
    /// </summary>
    public async Task<List<LibraryFolder>> EnsureStandardFoldersAsync(int communityId, CancellationToken cancellationToken = default)
    {
        var folders = await FoldersAsync(communityId, cancellationToken);
        if (folders.Count > 0)
        {
            return folders;
        }
        db.LibraryFolders.AddRange(StandardFolders(communityId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests at once: the other made them (the unique name index refused ours).
            db.ChangeTracker.Clear();
        }
        return await FoldersAsync(communityId, cancellationToken);
    }

    /// <summary>The four folders every library starts with (not yet added to the context).</summary>
    public static IEnumerable<LibraryFolder> StandardFolders(int communityId, DateTimeOffset now) =>
        LibraryFolder.StandardNames.Select((name, i) => new LibraryFolder
        {
            CommunityId = communityId,
            Name = name,
            SortOrder = i,
            HoldsMeetingDocuments = name == LibraryFolder.AgendasAndMinutes,
            CreatedAt = now,
        });

    /// <summary>Adds a folder after the others; false when the CoP already has one of that name.</summary>
    public async Task<bool> AddFolderAsync(int communityId, string name, string userId, CancellationToken cancellationToken = default)
    {
        var folders = await EnsureStandardFoldersAsync(communityId, cancellationToken);
        if (folders.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        db.LibraryFolders.Add(new LibraryFolder
        {
            CommunityId = communityId,
            Name = name,
            SortOrder = folders.Max(f => f.SortOrder) + 1,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A new document: published at once by the core team or staff, or a member's suggestion.</summary>
    public async Task<LibraryDocument> AddAsync(int communityId, int folderId, string title, LibraryFile file, string? note, string userId, bool suggestion, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var document = new LibraryDocument
        {
            CommunityId = communityId,
            FolderId = folderId,
            Title = title,
            Status = suggestion ? LibraryDocumentStatus.Suggested : LibraryDocumentStatus.Published,
            SuggestionNote = suggestion ? note : null,
            SuggestedById = suggestion ? userId : null,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
            CurrentVersion = 1,
        };
        document.Versions.Add(Version(1, file, suggestion ? "Suggested by a member" : (string.IsNullOrWhiteSpace(note) ? "First version" : note), userId, now));
        db.LibraryDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    /// <summary>A new version; the old ones stay. Refused (false) when someone else changed the document since it was read.</summary>
    public async Task<bool> AddVersionAsync(LibraryDocument document, Guid seenStamp, LibraryFile file, string changeNote, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = clock.GetUtcNow();
        document.CurrentVersion++;
        document.UpdatedAt = now;
        document.Versions.Add(Version(document.CurrentVersion, file, changeNote, userId, now));
        return await SaveStampedAsync(document, seenStamp, cancellationToken);
    }

    public async Task<bool> PublishAsync(LibraryDocument document, Guid seenStamp, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        Decide(document, LibraryDocumentStatus.Published, null, userId);
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == document.CommunityId, cancellationToken);
        await EmailSuggesterAsync(document, community, $"Your suggested document is in the {community.Name} library",
            $"""
            The core team of {community.Name} has published the document you suggested, "{document.Title}", in the community's library.

            See it here: {site.Url(PortalPaths.LibraryDocument(community.Slug, document.Id))}
            """, cancellationToken);
        return await SaveStampedAsync(document, seenStamp, cancellationToken);
    }

    public async Task<bool> DeclineAsync(LibraryDocument document, Guid seenStamp, string reason, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        Decide(document, LibraryDocumentStatus.Declined, reason, userId);
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == document.CommunityId, cancellationToken);
        await EmailSuggesterAsync(document, community, $"Your suggested document was not added to the {community.Name} library",
            $"""
            The core team of {community.Name} has decided not to add the document you suggested, "{document.Title}", to the community's library.

            Their reason: {reason}

            The library: {site.Url(PortalPaths.Library(community.Slug))}
            """, cancellationToken);
        return await SaveStampedAsync(document, seenStamp, cancellationToken);
    }

    /// <summary>Hides the document and its versions; the rows and files stay, and the audit trail records who did it.</summary>
    public Task<bool> DeleteAsync(LibraryDocument document, Guid seenStamp, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.DeletedAt = clock.GetUtcNow();
        document.DeletedById = userId;
        return SaveStampedAsync(document, seenStamp, cancellationToken);
    }

    private void Decide(LibraryDocument document, LibraryDocumentStatus status, string? reason, string userId)
    {
        document.Status = status;
        document.DeclineReason = reason;
        document.DecidedAt = clock.GetUtcNow();
        document.DecidedById = userId;
        document.UpdatedAt = document.DecidedAt.Value;
    }

    private async Task EmailSuggesterAsync(LibraryDocument document, Community community, string subject, string body, CancellationToken cancellationToken)
    {
        var suggester = await db.Users.AsNoTracking().Where(u => u.Id == document.SuggestedById)
            .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (suggester?.Email is null)
        {
            return;
        }
        // The answer to something the person asked for themselves, like a join decision: not a topic to switch off.
        outbox.Enqueue("library.suggestion-decision", suggester.Email, suggester.DisplayName, subject, $"Dear {suggester.DisplayName},\n\n{body}");
    }

    private async Task<bool> SaveStampedAsync(LibraryDocument document, Guid seenStamp, CancellationToken cancellationToken)
    {
        // The stamp the person saw is the original value, so a change by someone else since makes the update match no row.
        db.Entry(document).Property(d => d.ConcurrencyStamp).OriginalValue = seenStamp;
        document.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static LibraryDocumentVersion Version(int number, LibraryFile file, string changeNote, string userId, DateTimeOffset now) => new()
    {
        Number = number,
        StoredName = file.StoredName,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Length = file.Length,
        ChangeNote = changeNote,
        UploadedById = userId,
        UploadedAt = now,
    };
}

/// <summary>The default until the minutes feature supplies its own: no published agendas or minutes yet.</summary>
public sealed class NoPublishedMeetingDocuments : IPublishedMeetingDocuments
{
    public Task<IReadOnlyList<PublishedMeetingDocument>> ForCommunityAsync(int communityId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PublishedMeetingDocument>>([]);

    public Task<int> CountForCommunityAsync(int communityId, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
