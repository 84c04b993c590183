using Bogus;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Forum;
using Microsoft.Data.Sqlite;

namespace CopPortal.Benchmarks;

/// <summary>What the forum pages of the benchmark open: the busiest CoP, and a 100-post thread in it.</summary>
public sealed record ForumSample(string Slug, int LongThreadId, int Threads, int Posts, long SearchTerms);

/// <summary>
/// 20,000 threads and 500,000 posts at 1x (skewed like the memberships: a few busy CoPs hold most of them), with
/// their search terms, bulk-inserted in the shape the portal writes. One thread in the busiest CoP has 100 posts.
/// </summary>
public sealed class ForumGenerator(BulkInserter inserter, SqliteConnection connection, Faker faker, Random random, PhaseClock clock)
{
    /// <summary>One post in this many mentions supervision, which the benchmark's forum search looks for.</summary>
    private const int SearchWordEvery = 50;

    public ForumSample Generate(IReadOnlyList<Community> communities, IReadOnlyList<CommunityMembership> memberships, double scale, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(memberships);
        var threadCount = (int)(20_000 * scale);
        var postCount = (int)(500_000 * scale);
        var firstThread = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"ForumThreads\"") + 1;
        var firstPost = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"ForumPosts\"") + 1;
        var members = memberships.GroupBy(m => m.CommunityId).ToDictionary(g => g.Key, g => g.Select(m => m.UserId).ToArray());
        var withMembers = communities.Where(c => members.ContainsKey(c.Id)).ToList();
        // Zipf over the CoPs in order of size: the busiest forums are the biggest communities'.
        var bySize = withMembers.OrderByDescending(c => c.MemberCount).ToList();
        var cumulative = new double[bySize.Count];
        var total = Enumerable.Range(0, bySize.Count).Sum(k => 1.0 / (k + 1));
        var running = 0.0;
        for (var k = 0; k < bySize.Count; k++)
        {
            running += 1.0 / (k + 1) / total;
            cumulative[k] = running;
        }
        Community PickCommunity()
        {
            var k = Array.BinarySearch(cumulative, random.NextDouble());
            return bySize[Math.Min(k < 0 ? ~k : k, bySize.Count - 1)];
        }
        var busiest = bySize.First(c => c.Status == CommunityStatus.Active);
        var termCount = 0;

        var threads = new List<ForumThread>(threadCount);
        var threadsOf = new Dictionary<int, List<int>>();
        for (var i = 0; i < threadCount; i++)
        {
            var community = i == 0 ? busiest : PickCommunity();
            var authors = members[community.Id];
            threads.Add(new ForumThread
            {
                Id = firstThread + i,
                CommunityId = community.Id,
                Title = faker.Lorem.Sentence(6).TrimEnd('.'),
                AuthorId = authors[random.Next(authors.Length)],
                CreatedAt = now,
                IsPinned = i % 500 == 1,
                IsLocked = i % 200 == 2,
            });
            (threadsOf.TryGetValue(community.Id, out var list) ? list : threadsOf[community.Id] = []).Add(i);
        }

        // Each thread's first post, the long thread's 99 replies, then replies spread over the busy forums.
        var threadOfPost = new List<int>(postCount);
        threadOfPost.AddRange(Enumerable.Range(0, threadCount));
        threadOfPost.AddRange(Enumerable.Repeat(0, 99));
        while (threadOfPost.Count < postCount)
        {
            var inCommunity = threadsOf[PickCommunity().Id];
            var candidate = inCommunity[random.Next(inCommunity.Count)];
            if (candidate != 0)
            {
                threadOfPost.Add(candidate);
            }
        }
        clock.Mark("forum threads and where posts go");
        // Posts are made in time order, so ids and times rise together as in the portal. Posts and their search
        // terms are written as they are made (millions at 10x), in one transaction; the threads, whose counters
        // the posts set, follow.
        var start = now.AddDays(-365);
        var step = TimeSpan.FromDays(365) / Math.Max(1, postCount);
        using (var transaction = connection.BeginTransaction())
        {
            using var posts = inserter.Writer<ForumPost>(transaction);
            using var terms = inserter.Writer<ForumSearchTerm>(transaction, nameof(ForumSearchTerm.PostId), nameof(ForumSearchTerm.CommunityId), nameof(ForumSearchTerm.Term));
            for (var j = 0; j < threadOfPost.Count; j++)
            {
                var thread = threads[threadOfPost[j]];
                var authors = members[thread.CommunityId];
                var isFirst = thread.PostCount == 0;
                var body = faker.Lorem.Sentence(10) + (j % SearchWordEvery == 0 ? " How does your team arrange supervision?" : "");
                var post = new ForumPost
                {
                    Id = firstPost + j,
                    ThreadId = thread.Id,
                    CommunityId = thread.CommunityId,
                    AuthorId = isFirst ? thread.AuthorId : authors[random.Next(authors.Length)],
                    Body = body,
                    CreatedAt = start + (step * j),
                    SubmissionKey = Guid.NewGuid(),
                };
                posts.Add(post);
                if (isFirst)
                {
                    thread.CreatedAt = post.CreatedAt;
                }
                thread.PostCount++;
                thread.LastPostId = post.Id;
                thread.LastPostAt = post.CreatedAt;
                // The words exactly as the portal computes them when it saves a post.
                object postId = post.Id, communityId = post.CommunityId;
                foreach (var term in SearchTerms.Distinct((isFirst ? thread.Title + " " : "") + body))
                {
                    terms.AddRow(postId, communityId, term);
                }
            }
            posts.Flush();
            terms.Flush();
            termCount = terms.Count;
            transaction.Commit();
        }
        clock.Mark("forum posts and search terms");
        inserter.Insert(threads);
        clock.Mark("forum threads");
        return new ForumSample(busiest.Slug, threads[0].Id, threadCount, postCount, termCount);
    }
}
