using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

public enum InterestResult
{
    Registered = 0,
    AlreadyInterested = 1,
    VacancyClosed = 2,
}

/// <summary>Core-team vacancies: staff open and close them; anyone signed in can say they are interested.</summary>
public class VacancyService(CopDbContext db, Outbox outbox, TimeProvider clock, IPortalSite site)
{
    public const int MessageMaxLength = 2000;

    /// <summary>Records one interest per person per vacancy and emails the network team. Saves.</summary>
    public async Task<InterestResult> RegisterInterestAsync(CoreTeamVacancy vacancy, PortalUser user, string? message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(user);
        if (vacancy.ClosedAt is not null)
        {
            return InterestResult.VacancyClosed;
        }
        if (await db.VacancyInterests.AnyAsync(i => i.VacancyId == vacancy.Id && i.UserId == user.Id, cancellationToken))
        {
            return InterestResult.AlreadyInterested;
        }

        var community = vacancy.Community ?? await db.Communities.FirstAsync(c => c.Id == vacancy.CommunityId, cancellationToken);
        var trimmed = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        db.VacancyInterests.Add(new VacancyInterest { VacancyId = vacancy.Id, UserId = user.Id, Message = trimmed, CreatedAt = clock.GetUtcNow() });
        var role = CommunityRoles.Label(vacancy.Role).ToLowerInvariant();
        foreach (var (email, name) in await StaffRecipients.ListAsync(db, cancellationToken))
        {
            outbox.Enqueue("vacancy.interest", email, name, $"Interest in the {role} role: {community.Name}",
                $"""
                {user.DisplayName} ({user.Email}) is interested in the {role} role for {community.Name}.
                {(user.JobTitle is null ? "" : $"Job title: {user.JobTitle}\n")}{(user.Organisation is null ? "" : $"Organisation: {user.Organisation}\n")}
                Their message: {trimmed ?? "(none)"}

                Manage the community: {site.Url(PortalPaths.ManageCommunity(community.Slug))}
                """);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double submit raced past the check above; the unique index kept one interest.
            return InterestResult.AlreadyInterested;
        }
        return InterestResult.Registered;
    }

    /// <summary>Opens a vacancy (one open vacancy per role). Does not save. Returns null when one is already open.</summary>
    public async Task<CoreTeamVacancy?> OpenAsync(Community community, CommunityRole role, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (await db.Vacancies.AnyAsync(v => v.CommunityId == community.Id && v.Role == role && v.ClosedAt == null, cancellationToken))
        {
            return null;
        }
        var vacancy = new CoreTeamVacancy { CommunityId = community.Id, Role = role, Description = description.Trim(), OpenedAt = clock.GetUtcNow() };
        db.Vacancies.Add(vacancy);
        return vacancy;
    }

    public void Close(CoreTeamVacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        vacancy.ClosedAt ??= clock.GetUtcNow();
    }
}
