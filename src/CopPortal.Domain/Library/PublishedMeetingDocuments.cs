namespace CopPortal.Domain.Library;

/// <summary>A published agenda or minutes of one meeting, listed in the CoP's library by itself.</summary>
public sealed record PublishedMeetingDocument(int MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, string Kind, DateTimeOffset PublishedAt, string Path);

/// <summary>
/// The library's view of published agendas and minutes. The minutes feature provides it; the library lists what it
/// returns in its "Agendas and minutes" folder without knowing how minutes are stored.
/// </summary>
public interface IPublishedMeetingDocuments
{
    Task<IReadOnlyList<PublishedMeetingDocument>> ForCommunityAsync(int communityId, CancellationToken cancellationToken = default);

    /// <summary>How many documents <see cref="ForCommunityAsync"/> would list, in one query (the library's folder list shows only the count).</summary>
    Task<int> CountForCommunityAsync(int communityId, CancellationToken cancellationToken = default);
}
