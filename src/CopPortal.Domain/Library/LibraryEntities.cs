using CopPortal.Domain.Communities;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Library;

/// <summary>A folder of a CoP's document library. Every library starts with the four standard ones; the core team adds more.</summary>
public class LibraryFolder : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Where it sits in the list: the standard folders first, then added ones in the order they were added.</summary>
    public int SortOrder { get; set; }

    /// <summary>The "Agendas and minutes" folder also lists the CoP's published agendas and minutes by itself.</summary>
    public bool HoldsMeetingDocuments { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    string? ICommunityOwned.AuthorId => null;

    public const int NameMaxLength = 100;

    public const string TermsOfReference = "Terms of Reference";
    public const string AgendasAndMinutes = "Agendas and minutes";
    public const string Presentations = "Presentations";
    public const string Resources = "Resources";

    public static IReadOnlyList<string> StandardNames { get; } = [TermsOfReference, AgendasAndMinutes, Presentations, Resources];
}

public enum LibraryDocumentStatus
{
    /// <summary>In the library for every member.</summary>
    Published = 0,

    /// <summary>Sent by a member; seen only by them and the core team until published or declined.</summary>
    Suggested = 1,

    Declined = 2,
}

/// <summary>A document in a library: its title and folder; the files are its versions.</summary>
public class LibraryDocument : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public int FolderId { get; set; }
    public LibraryFolder? Folder { get; set; }
    public string Title { get; set; } = "";
    public LibraryDocumentStatus Status { get; set; }

    /// <summary>A member's note to the core team when suggesting it.</summary>
    public string? SuggestionNote { get; set; }
    public string? SuggestedById { get; set; }
    public PortalUser? SuggestedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DeclineReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number of the newest version (versions are never replaced, only added).</summary>
    public int CurrentVersion { get; set; }

    /// <summary>Deleting is soft: the row and its files stay, hidden, and the deletion is in the audit trail.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public List<LibraryDocumentVersion> Versions { get; set; } = [];

    string? ICommunityOwned.AuthorId => SuggestedById;

    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 2000;
}

/// <summary>One file of a document: number, who uploaded it, what changed, when.</summary>
public class LibraryDocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }

    /// <summary>The file store's generated name; never the uploader's.</summary>
    public string StoredName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string ChangeNote { get; set; } = "";
    public string? UploadedById { get; set; }
    public PortalUser? UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class LibraryFolderConfiguration : IEntityTypeConfiguration<LibraryFolder>
{
    public void Configure(EntityTypeBuilder<LibraryFolder> e)
    {
        e.Property(f => f.Name).HasMaxLength(LibraryFolder.NameMaxLength);
        e.HasIndex(f => new { f.CommunityId, f.Name }).IsUnique();
        e.HasOne<Community>().WithMany().HasForeignKey(f => f.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    public void Configure(EntityTypeBuilder<LibraryDocument> e)
    {
        e.Property(d => d.Title).HasMaxLength(LibraryDocument.TitleMaxLength);
        e.Property(d => d.SuggestionNote).HasMaxLength(LibraryDocument.NoteMaxLength);
        e.Property(d => d.DeclineReason).HasMaxLength(LibraryDocument.NoteMaxLength);
        e.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(d => new { d.CommunityId, d.Status, d.FolderId });
        e.HasIndex(d => d.FolderId);
        e.HasOne<Community>().WithMany().HasForeignKey(d => d.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(d => d.Folder).WithMany().HasForeignKey(d => d.FolderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(d => d.SuggestedBy).WithMany().HasForeignKey(d => d.SuggestedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.DeletedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LibraryDocumentVersionConfiguration : IEntityTypeConfiguration<LibraryDocumentVersion>
{
    public void Configure(EntityTypeBuilder<LibraryDocumentVersion> e)
    {
        e.Property(v => v.StoredName).HasMaxLength(64);
        e.Property(v => v.FileName).HasMaxLength(200);
        e.Property(v => v.ContentType).HasMaxLength(120);
        e.Property(v => v.ChangeNote).HasMaxLength(LibraryDocument.NoteMaxLength);
        e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        e.HasOne(v => v.UploadedBy).WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
