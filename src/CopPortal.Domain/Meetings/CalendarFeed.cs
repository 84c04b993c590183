using CopPortal.Domain.Auditing;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// A person's secret calendar feed address (/calendar/{token}.ics), one per person. Calendar apps fetch it without
/// signing in, so the token is the only credential: 256 random bits, looked up by its SHA-256 hash. A copy protected
/// with the app's data-protection keys lets the person see and copy the address again on /my/calendar; resetting
/// replaces both, so the old address stops working at once.
/// </summary>
public class CalendarFeed
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }

    /// <summary>SHA-256 (hex) of the token, for lookup; redacted from the audit trail by name.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The token, protected by the data-protection key ring (never stored in clear, never audited).</summary>
    [AuditConfidential]
    public string ProtectedToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.Property(f => f.TokenHash).HasMaxLength(64);
        e.Property(f => f.ProtectedToken).HasMaxLength(1000);
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasIndex(f => f.UserId).IsUnique();
        e.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
