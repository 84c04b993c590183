using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>What staff enter to create or edit a CoP. Cadence is only used on creation (later, the ToR owns it).</summary>
public sealed record CommunityDetails(string Name, string Slug, string Summary, int MeetingFrequencyMonths = 3, int MeetingDurationMinutes = 120);

/// <summary>Validation problems keyed by field name ("Name", "Slug", ...), in display order.</summary>
public sealed class FieldErrors : List<KeyValuePair<string, string>>
{
    public void Add(string field, string message) => Add(new KeyValuePair<string, string>(field, message));

    public bool Has(string field) => this.Any(e => e.Key == field);
}

/// <summary>
/// Network staff's CoP lifecycle: create from the network template, edit, publish, archive and reopen.
/// Archiving only changes the status: nothing a CoP owns is ever deleted.
/// </summary>
public class CommunityAdmin(CopDbContext db, TermsService terms, TimeProvider clock)
{
    public const int NameMaxLength = 150;
    public const int SummaryMaxLength = 600;

    public async Task<FieldErrors> ValidateAsync(CommunityDetails details, int? existingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new FieldErrors();
        var name = details.Name.Trim();
        if (name.Length == 0)
        {
            errors.Add("Name", "Enter the community's name");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add("Name", $"Name must be {NameMaxLength} characters or fewer");
        }
        else if (Messaging.SingleLine.HasControlCharacters(name))
        {
            // Community names go into email subjects.
            errors.Add("Name", $"Name {Messaging.SingleLine.Rule}");
        }
        else
        {
            var lower = name.ToLowerInvariant();
            if (await db.Communities.AnyAsync(c => c.Id != existingId && c.Name.ToLower() == lower, cancellationToken))
            {
                errors.Add("Name", "A community with this name already exists. Choose a different name");
            }
        }

        var slug = details.Slug.Trim();
        if (slug.Length == 0)
        {
            errors.Add("Slug", "Enter the web address name");
        }
        else if (!Slugs.IsValid(slug))
        {
            errors.Add("Slug", $"Web address name must use only lower-case letters, numbers and single hyphens, and be {Slugs.MaxLength} characters or fewer");
        }
        else if (Slugs.IsReserved(slug) || await db.Communities.AnyAsync(c => c.Id != existingId && c.Slug == slug, cancellationToken))
        {
            errors.Add("Slug", "This web address name is already in use. Choose a different one");
        }

        var summary = details.Summary.Trim();
        if (summary.Length == 0)
        {
            errors.Add("Summary", "Enter a short summary of who the community is for");
        }
        else if (summary.Length > SummaryMaxLength)
        {
            errors.Add("Summary", $"Summary must be {SummaryMaxLength} characters or fewer");
        }

        if (existingId is null)
        {
            if (details.MeetingFrequencyMonths is < 1 or > 12)
            {
                errors.Add("MeetingFrequencyMonths", "Meeting frequency must be between 1 and 12 months");
            }
            if (details.MeetingDurationMinutes is < 15 or > 480)
            {
                errors.Add("MeetingDurationMinutes", "Meeting length must be between 15 and 480 minutes");
            }
        }
        return errors;
    }

    /// <summary>
    /// Adds a draft CoP whose first ToR version is a copy of the network template (with the given cadence
    /// and, for proposals, "who it is for" and purpose). Does not save.
    /// </summary>
    public async Task<Community> CreateFromTemplateAsync(CommunityDetails details, string? userId, string? whoFor = null, string? purpose = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var template = await db.TermsTemplates.AsNoTracking().OrderBy(t => t.Id).FirstAsync(cancellationToken);
        var community = new Community
        {
            Name = details.Name.Trim(),
            Slug = details.Slug.Trim(),
            Summary = details.Summary.Trim(),
            Status = CommunityStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Communities.Add(community);

        var content = new TemplateCopy();
        content.CopyContentFrom(template);
        content.MeetingFrequencyMonths = details.MeetingFrequencyMonths;
        content.MeetingDurationMinutes = details.MeetingDurationMinutes;
        if (!string.IsNullOrWhiteSpace(whoFor))
        {
            content.WhoFor = whoFor.Trim();
        }
        if (!string.IsNullOrWhiteSpace(purpose))
        {
            content.Purpose = purpose.Trim();
        }
        await terms.PublishAsync(community, content, LondonTime.Today(clock).AddYears(1), "First version, created from the network template.", userId, cancellationToken);
        return community;
    }

    /// <summary>Changes name, slug and summary, keeping the directory's search text in step. Does not save.</summary>
    public async Task UpdateAsync(Community community, CommunityDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(details);
        community.Name = details.Name.Trim();
        community.Slug = details.Slug.Trim();
        community.Summary = details.Summary.Trim();
        var whoFor = await db.TermsVersions.CurrentOf(community.Id)
            .Select(t => t.WhoFor)
            .FirstOrDefaultAsync(cancellationToken);
        community.RefreshSearchText(whoFor);
    }

    public void Publish(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        community.Status = CommunityStatus.Active;
        community.ArchivedAt = null;
    }

    public void Archive(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        community.Status = CommunityStatus.Archived;
        community.ArchivedAt = clock.GetUtcNow();
    }

    /// <summary>Reopening makes the CoP active again with everything it had.</summary>
    public void Reopen(Community community) => Publish(community);

    private sealed class TemplateCopy : TermsContent;
}
