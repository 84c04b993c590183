using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>What every forum page shares: the signed-in person, whether they moderate here, and loading a thread or post of this CoP only.</summary>
public abstract class ForumPageModel : CommunityPageModel
{
    /// <summary>Forum pages are for members and staff, so someone is always signed in.</summary>
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The CoP's core team and network staff moderate its forum.</summary>
    public bool IsModerator => May(nameof(CommunityOperations.RunCommunity));

    /// <summary>A thread of this CoP by id (another CoP's → 404).</summary>
    protected Task<ForumThread> LoadThreadAsync(CopDbContext db, int threadId, bool tracked = false) =>
        LoadChildAsync(tracked ? db.ForumThreads : db.ForumThreads.AsNoTracking(), threadId);

    /// <summary>A post of this CoP by id (another CoP's → 404).</summary>
    protected Task<ForumPost> LoadPostAsync(CopDbContext db, int postId, bool tracked = false) =>
        LoadChildAsync(tracked ? db.ForumPosts : db.ForumPosts.AsNoTracking(), postId);
}
