using System.Collections.Concurrent;
using System.Data.Common;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

/// <summary>
/// What reading the forum costs: the round trips of its busiest pages, no write when a page is read again, and a
/// search that counts its matches only up to a cap.
/// </summary>
public sealed class ForumReadingCostTests(ForumReadingCostTests.Portal portal) : IClassFixture<ForumReadingCostTests.Portal>
{
    /// <summary>One portal for the class, with every SQL command's text recorded.</summary>
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public CommandRecorder Recorder { get; } = new();
        private WebApplicationFactory<Program>? _recorded;

        public WebApplicationFactory<Program> Recorded => _recorded ??= Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(Recorder)));

        public async Task<HttpClient> ClientAsync(string email)
        {
            var client = Recorded.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await client.AsAsync(email);
            return client;
        }

        public void Dispose()
        {
            _recorded?.Dispose();
            Factory.Dispose();
        }
    }

    /// <summary>The text of every command sent since the last <see cref="Reset"/>.</summary>
    public sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _commands = new();

        public IReadOnlyList<string> Commands => [.. _commands];

        public void Reset() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private PortalFactory Db => portal.Factory;

    /// <summary>The commands of one render of <paramref name="url"/>, after one render to fill caches.</summary>
    private async Task<IReadOnlyList<string>> CommandsAsync(HttpClient client, string url, bool warm = true)
    {
        if (warm)
        {
            await client.GetPageAsync(url);
        }
        portal.Recorder.Reset();
        await client.GetPageAsync(url);
        return portal.Recorder.Commands;
    }

    private static bool Writes(string sql) =>
        sql.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
        || sql.Contains("\nUPDATE", StringComparison.OrdinalIgnoreCase) || sql.Contains("\nINSERT", StringComparison.OrdinalIgnoreCase);

    private Task<int?> ReadMarkAsync(string email, int threadId) => Db.WithDbAsync(db => db.ForumReadMarks
        .Where(m => m.ThreadId == threadId && db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => (int?)m.LastReadPostId).SingleOrDefaultAsync());

    [Fact]
    public async Task Reading_a_thread_again_writes_nothing_and_a_new_post_moves_the_read_mark()
    {
        var member = await Db.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, Db, "Read twice", "First.");
        var chair = await portal.ClientAsync(DemoData.ChairEmail);

        var first = await CommandsAsync(chair, ThreadUrl(id), warm: false);
        Assert.Contains(first, Writes);
        Assert.Equal(await LastPostIdAsync(Db, id), await ReadMarkAsync(DemoData.ChairEmail, id));

        var again = await CommandsAsync(chair, ThreadUrl(id), warm: false);
        Assert.DoesNotContain(again, Writes);

        await ReplyAsync(member, id, "Second.");
        var afterReply = await CommandsAsync(chair, ThreadUrl(id), warm: false);
        Assert.Contains(afterReply, Writes);
        Assert.Equal(await LastPostIdAsync(Db, id), await ReadMarkAsync(DemoData.ChairEmail, id));
    }

    [Fact]
    public async Task The_forum_list_a_thread_page_and_a_search_each_take_at_most_four_round_trips()
    {
        var member = await Db.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, Db, "Counted trips", "Wallabyz and more.");
        await ReplyAsync(member, id, "More wallabyz.");
        // The chair moderates here, so the list also counts open reports.
        var chair = await portal.ClientAsync(DemoData.ChairEmail);
        // Two for every community page (the security stamp and the CoP with the person's role), then the page's own.
        foreach (var url in new[] { ForumUrl, ThreadUrl(id), ForumUrl + "?q=wallabyz" })
        {
            var commands = await CommandsAsync(chair, url);
            Assert.True(commands.Count <= 4, $"{url} sent {commands.Count} SQL commands:\n{string.Join("\n---\n", commands)}");
        }
    }

    [Fact]
    public async Task Search_counts_up_to_1000_matches_then_says_more_and_asks_for_more_words()
    {
        var threadId = 0;
        var communityId = 0;
        await Db.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var forum = services.GetRequiredService<ForumService>();
            communityId = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
            var author = await db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync();
            var post = await forum.StartThreadAsync(communityId, author, "Many capybaraz", "The first capybaraz.", Guid.NewGuid(), acceptsGroundRules: false);
            threadId = post.ThreadId;
            // 1,000 more matching posts, straight into the tables: the count, not posting, is under test.
            var replies = Enumerable.Range(0, ForumService.MaxCountedMatches)
                .Select(i => new ForumPost { ThreadId = threadId, CommunityId = communityId, AuthorId = author, Body = $"Capybaraz number {i}.", CreatedAt = Db.Clock.GetUtcNow(), SubmissionKey = Guid.NewGuid() })
                .ToList();
            db.ForumPosts.AddRange(replies);
            await db.SaveChangesAsync();
            db.ForumSearchTerms.AddRange(replies.Select(r => new ForumSearchTerm { PostId = r.Id, CommunityId = communityId, Term = "capybaraz" }));
            db.ForumSearchTerms.Add(new ForumSearchTerm { PostId = replies[500].Id, CommunityId = communityId, Term = "narrowz" });
            await db.SaveChangesAsync();
        });
        var chair = await Db.SignedInClientAsync(DemoData.ChairEmail);

        var many = await chair.GetPageAsync(ForumUrl + "?q=capybaraz");
        Assert.Equal("More than 1,000 posts match “capybaraz”", many.QuerySelector("#results-heading")!.TextContent);
        Assert.Contains("Add words to narrow your search", many.QuerySelector("#results-heading + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ForumService.SearchResultsPerPage, many.QuerySelectorAll(".app-result-list li").Length);
        // The pager reaches the latest 1,000 only: page 50 is the last and is full.
        var last = await chair.GetPageAsync(ForumUrl + "?q=capybaraz&p=999");
        Assert.Contains("page 50 of 50", last.Title, StringComparison.Ordinal);
        Assert.Equal(ForumService.SearchResultsPerPage, last.QuerySelectorAll(".app-result-list li").Length);

        var narrowed = await chair.GetPageAsync(ForumUrl + "?q=capybaraz+narrowz");
        Assert.Equal("1 post matching “capybaraz narrowz”", narrowed.QuerySelector("#results-heading")!.TextContent);

        // Exactly 1,000 is counted exactly.
        await Db.WithDbAsync(db => db.ForumSearchTerms.Where(t => t.Term == "capybaraz" && t.CommunityId == communityId)
            .OrderBy(t => t.PostId).Take(1).ExecuteDeleteAsync());
        var exactly = await chair.GetPageAsync(ForumUrl + "?q=capybaraz");
        Assert.Equal("1000 posts matching “capybaraz”", exactly.QuerySelector("#results-heading")!.TextContent);
        Assert.Null(exactly.QuerySelector("#results-heading + p"));
    }
}
