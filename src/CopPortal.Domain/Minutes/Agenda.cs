using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Minutes;

/// <summary>
/// The agenda of one meeting: ordered items the secretary or chair prepares, seen by members once published.
/// The minutes of the meeting follow its items.
/// </summary>
public class Agenda : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The network template it was started from (its name, kept even if the template is renamed).</summary>
    public string? StartedFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it was last published to members (null: only the core team sees it).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedById { get; set; }

    public List<AgendaItem> Items { get; set; } = [];

    string? ICommunityOwned.AuthorId => null;
}

/// <summary>One agenda item. <see cref="IsMattersArising"/> marks the item that lists the CoP's open actions.</summary>
public class AgendaItem
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered through the sanitiser.</summary>
    public string? Description { get; set; }

    /// <summary>Who leads or presents it (free text: a member, a guest or "All").</summary>
    public string? Lead { get; set; }
    public int? MinutesAllotted { get; set; }
    public AgendaPurpose Purpose { get; set; }
    public bool IsMattersArising { get; set; }

    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int LeadMaxLength = 200;
    public const int MaxMinutes = 480;
}

public enum AgendaPurpose
{
    Information = 0,
    Discussion = 1,
    Decision = 2,
}

/// <summary>A network-managed starting point for agendas (formal agenda, running order, reflective practice).</summary>
public class AgendaTemplate
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>When staff retired it: kept (agendas name it) but no longer offered for new agendas.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public List<AgendaTemplateItem> Items { get; set; } = [];

    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    /// <summary>How many items a template may have (a meeting's agenda rarely needs more).</summary>
    public const int MaxItems = 20;
}

public class AgendaTemplateItem
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int? MinutesAllotted { get; set; }
    public AgendaPurpose Purpose { get; set; }
    public bool IsMattersArising { get; set; }
}

internal sealed class AgendaConfiguration : IEntityTypeConfiguration<Agenda>
{
    public void Configure(EntityTypeBuilder<Agenda> e)
    {
        e.Property(a => a.StartedFrom).HasMaxLength(200);
        e.HasIndex(a => a.MeetingId).IsUnique();
        e.HasIndex(a => new { a.CommunityId, a.PublishedAt });
        e.HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.PublishedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AgendaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        e.Property(i => i.Description).HasMaxLength(AgendaItem.DescriptionMaxLength);
        e.Property(i => i.Lead).HasMaxLength(AgendaItem.LeadMaxLength);
        e.HasIndex(i => new { i.AgendaId, i.Position });
    }
}

internal sealed class AgendaTemplateConfiguration : IEntityTypeConfiguration<AgendaTemplate>
{
    public void Configure(EntityTypeBuilder<AgendaTemplate> e)
    {
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.Description).HasMaxLength(1000);
        e.HasIndex(t => t.Name).IsUnique();
        e.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaTemplateItemConfiguration : IEntityTypeConfiguration<AgendaTemplateItem>
{
    public void Configure(EntityTypeBuilder<AgendaTemplateItem> e)
    {
        e.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        e.Property(i => i.Description).HasMaxLength(AgendaItem.DescriptionMaxLength);
        e.HasIndex(i => new { i.TemplateId, i.Position });
    }
}
