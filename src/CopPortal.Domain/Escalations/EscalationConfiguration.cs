using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Escalations;

// User references are Restrict (accounts are anonymised, never deleted). Points carry their CoP so the council's
// queue filters and counts without joining reports.
internal sealed class TripleAReportConfiguration : IEntityTypeConfiguration<TripleAReport>
{
    public void Configure(EntityTypeBuilder<TripleAReport> e)
    {
        e.Property(r => r.Content).HasMaxLength(TripleAReport.ContentMaxLength);
        e.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        // One report per meeting.
        e.HasIndex(r => r.MeetingId).IsUnique();
        e.HasIndex(r => new { r.CommunityId, r.Status });
        e.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Meeting).WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.SubmittedBy).WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscalationPointConfiguration : IEntityTypeConfiguration<EscalationPoint>
{
    public void Configure(EntityTypeBuilder<EscalationPoint> e)
    {
        e.Property(p => p.Title).HasMaxLength(EscalationPoint.TitleMaxLength);
        e.Property(p => p.Detail).HasMaxLength(EscalationPoint.DetailMaxLength);
        e.Property(p => p.SuggestedDestination).HasMaxLength(EscalationPoint.DestinationMaxLength);
        e.Property(p => p.Outcome).HasMaxLength(EscalationPoint.OutcomeMaxLength);
        e.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        // The queue: newest first, filtered by status, CoP or category.
        e.HasIndex(p => new { p.Status, p.SubmittedAt });
        e.HasIndex(p => new { p.CommunityId, p.SubmittedAt });
        e.HasIndex(p => p.SubmittedAt);
        e.HasIndex(p => p.ReportId);
        e.HasOne(p => p.Report).WithMany(r => r.Points).HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.AssignedTo).WithMany().HasForeignKey(p => p.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Destination).WithMany().HasForeignKey(p => p.DestinationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscalationDestinationConfiguration : IEntityTypeConfiguration<EscalationDestination>
{
    public void Configure(EntityTypeBuilder<EscalationDestination> e)
    {
        e.Property(d => d.Name).HasMaxLength(EscalationDestination.NameMaxLength);
        e.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> e)
    {
        e.Property(c => c.Body).HasMaxLength(ReportComment.BodyMaxLength);
        e.Property(c => c.AuthorRole).HasMaxLength(50);
        e.HasIndex(c => new { c.ReportId, c.CreatedAt });
        e.HasIndex(c => new { c.PointId, c.CreatedAt });
        e.HasOne(c => c.Report).WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<EscalationPoint>().WithMany().HasForeignKey(c => c.PointId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Community>().WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> e)
    {
        e.HasKey(r => r.MeetingId);
        e.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
