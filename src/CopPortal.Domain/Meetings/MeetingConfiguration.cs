using CopPortal.Domain.Communities;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Meetings;

// User references are Restrict: accounts are anonymised, never deleted, and SQL Server refuses a second cascade path.
// Each feature configures its own entities (applied by CopDbContext.OnModelCreating from this assembly), so features
// added side by side do not all edit one method.
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        e.Property(m => m.JoinUrl).HasMaxLength(Meeting.UrlMaxLength);
        e.Property(m => m.Venue).HasMaxLength(500);
        e.Property(m => m.AccessNotes).HasMaxLength(Meeting.TextMaxLength);
        e.Property(m => m.Presenters).HasMaxLength(500);
        e.Property(m => m.ContentWarning).HasMaxLength(1000);
        e.Property(m => m.TopicSeries).HasMaxLength(200);
        e.Property(m => m.Description).HasMaxLength(Meeting.TextMaxLength);
        e.Property(m => m.CancellationReason).HasMaxLength(1000);
        e.Property(m => m.CalendarUid).HasMaxLength(200);
        e.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(m => m.CalendarUid).IsUnique();
        // Upcoming and past lists of one CoP read this index in order.
        e.HasIndex(m => new { m.CommunityId, m.StartsAt });
        e.HasIndex(m => new { m.SeriesId, m.StartsAt });
        e.HasIndex(m => m.StartsAt);
        e.HasOne(m => m.Community).WithMany().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> e)
    {
        e.Property(s => s.Rule).HasMaxLength(1000);
        e.HasIndex(s => s.CommunityId);
        e.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingResponseConfiguration : IEntityTypeConfiguration<MeetingResponse>
{
    public void Configure(EntityTypeBuilder<MeetingResponse> e)
    {
        e.Property(r => r.Message).HasMaxLength(1000);
        e.HasIndex(r => new { r.MeetingId, r.UserId }).IsUnique();
        e.HasIndex(r => new { r.UserId, r.MeetingId });
        // The meeting page counts and lists each answer: the counts are read from this index alone.
        e.HasIndex(r => new { r.MeetingId, r.Answer });
        e.HasOne(r => r.Meeting).WithMany(m => m.Responses).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingGuestConfiguration : IEntityTypeConfiguration<MeetingGuest>
{
    public void Configure(EntityTypeBuilder<MeetingGuest> e)
    {
        e.Property(g => g.Name).HasMaxLength(200);
        e.Property(g => g.Email).HasMaxLength(256);
        e.Property(g => g.Role).HasMaxLength(200);
        e.Property(g => g.Organisation).HasMaxLength(200);
        e.Property(g => g.TokenHash).HasMaxLength(64);
        e.HasIndex(g => g.TokenHash).IsUnique();
        e.HasIndex(g => new { g.MeetingId, g.Email });
        e.HasOne(g => g.Meeting).WithMany(m => m.Guests).HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.InvitedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.Property(a => a.Name).HasMaxLength(200);
        e.HasIndex(a => new { a.MeetingId, a.UserId });
        e.HasIndex(a => a.UserId);
        e.HasOne(a => a.Meeting).WithMany(m => m.Attendance).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Guest).WithMany().HasForeignKey(a => a.GuestId).OnDelete(DeleteBehavior.NoAction);
    }
}
