using CopPortal.Domain.Communities;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Forum;

// User references are Restrict: accounts are anonymised, never deleted. Threads and posts are never deleted either
// (removal keeps the row), so only a thread's own bookkeeping rows cascade from it.
internal sealed class ForumThreadConfiguration : IEntityTypeConfiguration<ForumThread>
{
    public void Configure(EntityTypeBuilder<ForumThread> e)
    {
        e.Property(t => t.Title).HasMaxLength(ForumThread.TitleMaxLength);
        // The thread list: pinned first, then latest activity, read in index order one page at a time.
        e.HasIndex(t => new { t.CommunityId, t.IsPinned, t.LastPostAt, t.Id });
        e.HasOne<Community>().WithMany().HasForeignKey(t => t.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Author).WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumPostConfiguration : IEntityTypeConfiguration<ForumPost>
{
    public void Configure(EntityTypeBuilder<ForumPost> e)
    {
        // No maximum length in the database: SQL Server's bounded text stops at 4,000; the form enforces 20,000.
        e.Property(p => p.EditReason).HasMaxLength(ForumPost.ReasonMaxLength);
        e.Property(p => p.RemovedReason).HasMaxLength(ForumPost.ReasonMaxLength);
        e.HasIndex(p => new { p.ThreadId, p.Id });
        // The rate limit counts one person's recent posts.
        e.HasIndex(p => new { p.AuthorId, p.CreatedAt });
        e.HasIndex(p => p.SubmissionKey).IsUnique();
        e.HasOne(p => p.Thread).WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.RemovedById).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(p => p.IsRemoved);
    }
}

internal sealed class ForumThreadWatchConfiguration : IEntityTypeConfiguration<ForumThreadWatch>
{
    public void Configure(EntityTypeBuilder<ForumThreadWatch> e)
    {
        e.HasKey(w => new { w.ThreadId, w.UserId });
        e.HasIndex(w => w.UserId);
        e.HasOne<ForumThread>().WithMany().HasForeignKey(w => w.ThreadId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumWatchConfiguration : IEntityTypeConfiguration<ForumWatch>
{
    public void Configure(EntityTypeBuilder<ForumWatch> e)
    {
        e.HasKey(w => new { w.CommunityId, w.UserId });
        e.HasIndex(w => w.UserId);
        e.HasOne<Community>().WithMany().HasForeignKey(w => w.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumReadMarkConfiguration : IEntityTypeConfiguration<ForumReadMark>
{
    public void Configure(EntityTypeBuilder<ForumReadMark> e)
    {
        e.HasKey(m => new { m.UserId, m.ThreadId });
        e.HasIndex(m => m.ThreadId);
        e.HasOne<ForumThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumSearchTermConfiguration : IEntityTypeConfiguration<ForumSearchTerm>
{
    public void Configure(EntityTypeBuilder<ForumSearchTerm> e)
    {
        e.HasKey(t => new { t.PostId, t.Term });
        e.Property(t => t.Term).HasMaxLength(SearchTerms.MaxTermLength);
        // Terms are lower-case letters and digits, which every database's default collation orders alike, so a
        // prefix range (SearchTerms.PrefixRange) needs no special collation here.
        // A word search reads one CoP's matching terms in order and takes post ids from the index alone.
        e.HasIndex(t => new { t.CommunityId, t.Term, t.PostId });
        e.HasOne<ForumPost>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ForumReportConfiguration : IEntityTypeConfiguration<ForumReport>
{
    public void Configure(EntityTypeBuilder<ForumReport> e)
    {
        e.Property(r => r.Reason).HasMaxLength(ForumReport.ReasonMaxLength);
        e.Property(r => r.ActionNote).HasMaxLength(ForumReport.ReasonMaxLength);
        // Open reports of one CoP, and of the whole network, oldest first.
        e.HasIndex(r => new { r.CommunityId, r.ResolvedAt, r.CreatedAt });
        e.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        e.HasIndex(r => r.PostId);
        e.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroundRulesAcceptanceConfiguration : IEntityTypeConfiguration<GroundRulesAcceptance>
{
    public void Configure(EntityTypeBuilder<GroundRulesAcceptance> e)
    {
        e.HasKey(a => a.UserId);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumAttachmentConfiguration : IEntityTypeConfiguration<ForumAttachment>
{
    public void Configure(EntityTypeBuilder<ForumAttachment> e)
    {
        e.Property(a => a.StoredName).HasMaxLength(64);
        e.Property(a => a.FileName).HasMaxLength(200);
        e.Property(a => a.ContentType).HasMaxLength(200);
        // A page of posts reads its posts' attachments in one query by post id.
        e.HasIndex(a => a.PostId);
        e.HasOne(a => a.Post).WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
