using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Forum;

/// <summary>A discussion in a CoP's forum: its title, and counters kept in step by <see cref="ForumService"/> so the thread list needs no per-thread query.</summary>
public class ForumThread : ICommunityOwned
{
    public const int TitleMaxLength = 150;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public string Title { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public PortalUser? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsPinned { get; set; }
    public bool IsLocked { get; set; }

    /// <summary>The newest post's id and time: the list's order and each member's unread marker.</summary>
    public int LastPostId { get; set; }
    public DateTimeOffset LastPostAt { get; set; }

    /// <summary>Posts in the thread, the first included (removed ones too: they keep their place as placeholders).</summary>
    public int PostCount { get; set; }

    string? ICommunityOwned.AuthorId => AuthorId;
}

/// <summary>
/// One post. A removed post keeps its text for the audit but is never shown, searched or emailed: pages show the
/// placeholder with <see cref="RemovedReason"/>.
/// </summary>
public class ForumPost : ICommunityOwned
{
    public const int BodyMaxLength = 20_000;
    public const int ReasonMaxLength = 500;

    /// <summary>Authors change their own post without an "edited" mark for this long.</summary>
    public static readonly TimeSpan FreeEditWindow = TimeSpan.FromMinutes(30);

    public int Id { get; set; }
    public int ThreadId { get; set; }
    public ForumThread? Thread { get; set; }
    public int CommunityId { get; set; }
    public string AuthorId { get; set; } = "";
    public PortalUser? Author { get; set; }

    /// <summary>Markdown, shown through MarkdownText (raw HTML off, sanitised).</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set on an edit after the free window, or on any moderator's edit.</summary>
    public DateTimeOffset? EditedAt { get; set; }
    public bool EditedByModerator { get; set; }
    public string? EditReason { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedById { get; set; }
    public string? RemovedReason { get; set; }

    /// <summary>The form's one-time key: a form sent twice (double click, resend) makes one post.</summary>
    public Guid SubmissionKey { get; set; }

    public bool IsRemoved => RemovedAt is not null;

    string? ICommunityOwned.AuthorId => AuthorId;
}

/// <summary>Someone follows one thread: new replies are emailed to them.</summary>
public class ForumThreadWatch
{
    public int ThreadId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>Someone follows a whole CoP's forum: every new reply is emailed to them.</summary>
public class ForumWatch
{
    public int CommunityId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>
/// How far a member has read a thread (the newest post id they have seen). Bookkeeping written on every read, and a
/// record of who read what, so it is kept out of the audit log.
/// </summary>
public class ForumReadMark : IKeptApartFromAudit
{
    public string UserId { get; set; } = "";
    public int ThreadId { get; set; }
    public int LastReadPostId { get; set; }
}

/// <summary>
/// One word of a post (and, for a thread's first post, its title): the forum search looks words up here through
/// an index instead of scanning post text. Derived from audited posts, so not audited itself. Removed posts have none.
/// </summary>
public class ForumSearchTerm : IKeptApartFromAudit
{
    public int PostId { get; set; }
    public int CommunityId { get; set; }
    public string Term { get; set; } = "";
}

public enum ForumReportOutcome
{
    NoAction = 0,
    PostEdited = 1,
    PostRemoved = 2,
}

/// <summary>A member's report of a post, queued for the CoP's core team and for network staff until resolved.</summary>
public class ForumReport : ICommunityOwned
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public int PostId { get; set; }
    public ForumPost? Post { get; set; }
    public string ReporterId { get; set; } = "";
    public PortalUser? Reporter { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    public ForumReportOutcome? Outcome { get; set; }
    public string? ActionNote { get; set; }

    // Reporting gives the reporter no rights over the report.
    string? ICommunityOwned.AuthorId => null;
}

/// <summary>A person agreed to the network's ground rules before their first forum post (asked once).</summary>
public class GroundRulesAcceptance
{
    public string UserId { get; set; } = "";
    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>Posting limits, from the "Forum" configuration section.</summary>
public sealed class ForumOptions
{
    public const string Section = "Forum";

    /// <summary>Posts (threads and replies) one person may make within <see cref="RateWindowMinutes"/>.</summary>
    public int PostsPerWindow { get; set; } = 10;

    public int RateWindowMinutes { get; set; } = 10;
}

/// <summary>
/// A file attached to a post when it was made. The bytes are in the portal's file store under
/// <see cref="StoredName"/>; the row keeps the cleaned name and the type found in the content. Attachments are never
/// deleted: a removed post's files stay (for the audit) but only moderators can download them.
/// </summary>
public class ForumAttachment : ICommunityOwned
{
    /// <summary>Files one post may carry.</summary>
    public const int MaxPerPost = 5;

    public int Id { get; set; }
    public int PostId { get; set; }
    public ForumPost? Post { get; set; }
    public int CommunityId { get; set; }
    public string StoredName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string UploadedById { get; set; } = "";

    string? ICommunityOwned.AuthorId => UploadedById;
}
