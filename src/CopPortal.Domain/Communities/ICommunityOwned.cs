namespace CopPortal.Domain.Communities;

/// <summary>
/// Something that belongs to one CoP (a ToR version, a vacancy, a join request, and later a meeting, document,
/// post or report). The community area loads such objects only within the CoP in the URL, and the
/// community authorisation handler decides per object (an author edits their own post).
/// </summary>
public interface ICommunityOwned
{
    int CommunityId { get; }

    /// <summary>The user who wrote it, if authorship gives rights over it.</summary>
    string? AuthorId { get; }
}
