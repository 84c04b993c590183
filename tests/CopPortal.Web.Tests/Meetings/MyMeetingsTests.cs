using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;

namespace CopPortal.Web.Tests.Meetings;

public sealed class MyMeetingsTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task My_lists_upcoming_meetings_of_my_communities_with_my_answer()
    {
        var attending = await _portal.MeetingAsync(TimeSpan.FromDays(5), "Winter spotlight");
        await _portal.MeetingAsync(TimeSpan.FromDays(9), "Reflective practice");
        await _portal.MeetingAsync(TimeSpan.FromDays(12), "Called off", cancelled: true);
        await _portal.MeetingAsync(TimeSpan.FromDays(-5), "Held last week");
        await _portal.MeetingAsync(TimeSpan.FromDays(3), "Not my community", slug: ParticipationTestData.OtherSlug);
        await _portal.RsvpAsync(attending, DemoData.MemberEmail, RsvpAnswer.Attending);

        var page = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync("/my");
        var items = page.QuerySelectorAll("ul.app-upcoming-meetings li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Equal(3, items.Count);
        Assert.StartsWith("Winter spotlight (Psychological Practitioners)", items[0], StringComparison.Ordinal);
        Assert.Contains("Your answer: attending.", items[0], StringComparison.Ordinal);
        Assert.Contains("Your answer: not answered yet.", items[1], StringComparison.Ordinal);
        Assert.Contains("Cancelled", items[2], StringComparison.Ordinal);
        Assert.Equal($"/communities/{ParticipationTestData.Slug}/meetings/{attending}", page.QuerySelector("ul.app-upcoming-meetings a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task My_says_so_when_there_are_no_meetings()
    {
        var page = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync("/my");
        Assert.Contains("You have no meetings coming up.", page.MainText(), StringComparison.Ordinal);
    }
}
