using System.Globalization;
using System.Linq.Expressions;
using CopPortal.Domain.Caching;
using CopPortal.Domain.Data;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>
/// The base of every page under /communities/{slug}/…. Before any handler runs, <see cref="CommunityPageFilter"/>
/// has found the CoP from the route's slug, hidden drafts, authorised the operation the page declares with
/// <see cref="CommunityOperationAttribute"/>, and kept archived CoPs read-only. Handlers just use <see cref="Community"/>.
/// </summary>
public abstract class CommunityPageModel : PageModel
{
    /// <summary>The CoP named by the URL, untracked (re-read it tracked to change it).</summary>
    public Community Community { get; internal set; } = default!;

    /// <summary>The signed-in user's role in the CoP, or null (not a member, or signed out).</summary>
    public CommunityRole? Role { get; internal set; }

    public bool IsStaff { get; internal set; }

    public bool IsArchived => Community.Status == CommunityStatus.Archived;

    /// <summary>Whether the current user may do an operation here: for showing links and buttons.</summary>
    public bool May(string operation) =>
        CommunityAuthorizationHandler.Allows(operation, Role, IsStaff, signedIn: User.Identity?.IsAuthenticated == true);

    public bool CanSeeMemberContent => May(nameof(CommunityOperations.ViewMemberContent));
    public bool CanEditTerms => May(nameof(CommunityOperations.EditTerms));
    public bool CanManage => May(nameof(CommunityOperations.ManageCommunity));

    /// <summary>
    /// Data that every viewer of this page sees alike, kept in <see cref="ContentCache"/> under the database's
    /// content version (which <see cref="CommunityPageFilter"/> has already read) when the request is a GET; a form
    /// posted back loads it afresh. <paramref name="key"/> names the data within this CoP.
    /// </summary>
    protected Task<T> SharedAsync<T>(CopDbContext db, string key, Func<Task<T>> load) where T : class? =>
        SharedAsync(db, key, load, static _ => true);

    /// <summary>As <see cref="SharedAsync{T}(CopDbContext, string, Func{Task{T}})"/>, for data that also goes out of date with time.</summary>
    protected Task<T> SharedAsync<T>(CopDbContext db, string key, Func<Task<T>> load, Func<T, bool> stillValid) where T : class?
    {
        ArgumentNullException.ThrowIfNull(load);
        return IsRead
            ? HttpContext.RequestServices.GetRequiredService<ContentCache>().GetAsync(db, Community.Id.ToString(CultureInfo.InvariantCulture) + ":" + key, load, stillValid)
            : load();
    }

    /// <summary>
    /// For a view's &lt;cache&gt; block around markup every viewer sees alike: <paramref name="key"/> (naming what
    /// the block shows within this CoP) with the content version, so the kept markup is used only while nothing has
    /// been committed since; null (no caching) when a form was posted back.
    /// </summary>
    protected async Task<string?> SharedMarkupKeyAsync(CopDbContext db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsRead)
        {
            return null;
        }
        var version = await db.ContentVersionAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{Community.Id}:{key}:{version}");
    }

    /// <summary>
    /// A key for <see cref="SharedAsync{T}(CopDbContext, string, Func{Task{T}})"/> or
    /// <see cref="SharedMarkupKeyAsync"/>: what is kept, then every value it depends on, formatted invariantly.
    /// </summary>
    protected static string Key(string what, params ReadOnlySpan<object?> parts)
    {
        var key = new System.Text.StringBuilder(what);
        foreach (var part in parts)
        {
            key.Append(':').Append(Convert.ToString(part, CultureInfo.InvariantCulture));
        }
        return key.ToString();
    }

    private bool IsRead => HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);

    /// <summary>
    /// Loads one child object of this CoP by its id. An id that does not exist, or that belongs to another CoP,
    /// ends the request with a 404 (the filter turns <see cref="CommunityChildNotFoundException"/> into one).
    /// </summary>
    protected Task<T> LoadChildAsync<T>(IQueryable<T> query, int id) where T : class, ICommunityOwned =>
        LoadChildAsync(query, e => EF.Property<int>(e, "Id") == id);

    /// <summary>Loads the one child of this CoP that <paramref name="match"/> picks (e.g. a ToR version by its number); 404 if none.</summary>
    protected async Task<T> LoadChildAsync<T>(IQueryable<T> query, Expression<Func<T, bool>> match) where T : class, ICommunityOwned
    {
        ArgumentNullException.ThrowIfNull(query);
        var communityId = Community.Id;
        return await query.Where(e => e.CommunityId == communityId).Where(match).FirstOrDefaultAsync()
            ?? throw new CommunityChildNotFoundException();
    }
}

/// <summary>The object asked for is not in this CoP: a 404, whichever CoP it really belongs to.</summary>
public sealed class CommunityChildNotFoundException : Exception
{
    public CommunityChildNotFoundException()
        : base("Not found in this community")
    {
    }

    public CommunityChildNotFoundException(string message)
        : base(message)
    {
    }

    public CommunityChildNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The operation a community page (or one of its handlers, which overrides the page's) needs, by the name of a
/// <see cref="CommunityOperations"/> requirement. Every <see cref="CommunityPageModel"/> must declare one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class CommunityOperationAttribute(string operation) : Attribute
{
    public string Operation { get; } = operation;
}
