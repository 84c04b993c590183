using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Meetings.Polls;

// User references are Restrict, as elsewhere: accounts are anonymised, never deleted.
internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> e)
    {
        e.ToTable("MeetingPolls");
        e.Property(p => p.Title).HasMaxLength(Meeting.TitleMaxLength);
        e.Property(p => p.Description).HasMaxLength(Meeting.TextMaxLength);
        e.Property(p => p.JoinUrl).HasMaxLength(Meeting.UrlMaxLength);
        e.Property(p => p.Venue).HasMaxLength(500);
        e.HasIndex(p => new { p.CommunityId, p.ClosesAt });
        // The job looks for polls whose creator has not been told yet.
        e.HasIndex(p => new { p.CreatorNotifiedAt, p.ClosesAt });
        e.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Meeting).WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> e)
    {
        e.ToTable("MeetingPollOptions");
        e.HasIndex(o => new { o.PollId, o.StartsAt });
        e.HasOne(o => o.Poll).WithMany(p => p.Options).HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollAnswerConfiguration : IEntityTypeConfiguration<PollAnswer>
{
    public void Configure(EntityTypeBuilder<PollAnswer> e)
    {
        e.ToTable("MeetingPollAnswers");
        e.HasIndex(a => new { a.PollOptionId, a.UserId }).IsUnique();
        e.HasIndex(a => a.UserId);
        e.HasOne(a => a.Option).WithMany(o => o.Answers).HasForeignKey(a => a.PollOptionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
