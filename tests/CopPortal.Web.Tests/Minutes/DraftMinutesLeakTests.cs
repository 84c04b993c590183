using System.Net;
using CopPortal.Domain.Library;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

/// <summary>
/// Minutes that are a draft, submitted or returned are seen by the core team only: a member finds their words on no
/// page (minutes, revision, PDF, meeting, library, forum search), the council does not see them, and no email
/// carries them. Once published, the same places show them.
/// </summary>
public sealed class DraftMinutesLeakTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private const string Secret = "Zanzibarquokka";

    /// <summary>Another word of the draft, to search for: search pages repeat the words searched for, so they are checked for <see cref="Secret"/>.</summary>
    private const string SearchWord = "Quillfeather";

    private async Task AssertHiddenAsync(int meetingId, string state)
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var minutesUrl = MinutesUrl(meetingId);
        var folderId = await _portal.WithDbAsync(db => db.LibraryFolders.Where(f => db.Communities.Any(c => c.Id == f.CommunityId && c.Slug == Slug) && f.HoldsMeetingDocuments).Select(f => f.Id).FirstAsync());
        string[] pages =
        [
            minutesUrl, $"/communities/{Slug}/meetings/{meetingId}", $"/communities/{Slug}/library", $"/communities/{Slug}/library/folders/{folderId}",
            $"/communities/{Slug}/forum?q={SearchWord}", $"/communities?q={SearchWord}", "/my",
        ];
        foreach (var url in pages)
        {
            var response = await member.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} ({state}): {response.StatusCode}");
            Assert.False(body.Contains(Secret, StringComparison.Ordinal), $"{url} shows {state} minutes");
            if (url.Contains("/library", StringComparison.Ordinal))
            {
                Assert.False(body.Contains($"href=\"{minutesUrl}\"", StringComparison.Ordinal), $"{url} lists {state} minutes");
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(minutesUrl + "?print=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(minutesUrl + "/revisions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/communities/{Slug}/meetings/{meetingId}/minutes.pdf")).StatusCode);
        var id = await _portal.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meetingId).Select(m => m.Id).SingleAsync());
        Assert.DoesNotContain(Secret, await (await council.GetAsync("/council/minutes")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/council/minutes/{id}")).StatusCode);
        Assert.DoesNotContain(await _portal.OutboxAsync(), m => m.TextBody.Contains(Secret, StringComparison.Ordinal) || m.Subject.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(await _portal.OutboxAsync(), m => m.Kind == "minutes.published" && m.TextBody.Contains(minutesUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Draft_submitted_and_returned_minutes_reach_no_member_page_council_page_or_email_and_published_ones_do()
    {
        var meetingId = await MeetingAsync(_portal, HeldAt, title: "Leak check meeting");
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Start"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Save", ("Draft.Items[0].KeyPoints", $"{Secret} was discussed with {SearchWord}."))).StatusCode);
        // The core team does see the draft.
        Assert.Contains(Secret, (await secretary.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
        await AssertHiddenAsync(meetingId, "draft");

        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Submit")).StatusCode);
        Assert.Equal(MinutesStatus.Submitted, await _portal.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meetingId).Select(m => m.Status).SingleAsync()));
        await AssertHiddenAsync(meetingId, "submitted");

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("ReturnComment", "Please check the spelling.")), Form("Return"))).StatusCode);
        Assert.Equal(MinutesStatus.Returned, await _portal.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meetingId).Select(m => m.Status).SingleAsync()));
        await AssertHiddenAsync(meetingId, "returned");

        // Approved but not yet published: still hidden from members.
        await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Submit");
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"))).StatusCode);
        await AssertHiddenAsync(meetingId, "approved");

        // Published: the member reads them, the library lists them and members are emailed.
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"))).StatusCode);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Contains(Secret, (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
        var folderId = await _portal.WithDbAsync(db => db.LibraryFolders.Where(f => db.Communities.Any(c => c.Id == f.CommunityId && c.Slug == Slug) && f.Name == LibraryFolder.AgendasAndMinutes).Select(f => f.Id).FirstAsync());
        Assert.NotNull((await member.GetPageAsync($"/communities/{Slug}/library/folders/{folderId}")).QuerySelector($"main a[href='{MinutesUrl(meetingId)}']"));
        Assert.Contains(await _portal.OutboxAsync(), m => m.Kind == "minutes.published" && m.ToAddress == DemoData.MemberEmail && m.TextBody.Contains(MinutesUrl(meetingId), StringComparison.Ordinal));
    }
}
