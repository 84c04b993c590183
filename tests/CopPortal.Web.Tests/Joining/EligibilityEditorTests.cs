using System.Net;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>/communities/{slug}/terms/eligibility: saving criteria publishes a new ToR version; requests keep theirs.</summary>
public sealed class EligibilityEditorTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Url = "/communities/psychological-practitioners/terms/eligibility";
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_as_plain_member_is_forbidden()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await member.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PortalPaths.AccessDenied, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_shows_the_current_criteria()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync(Url);
        Assert.Equal("OutOfRegionIfNoLocalCoP", page.QuerySelector("input[name='Input.RegionRule'][checked]")!.GetAttribute("value"));
        Assert.Equal(4, page.QuerySelectorAll("input[name='Input.ProfessionIds'][checked]").Length);
        Assert.Contains("ground rules", page.QuerySelector("#Input_RequiredDeclarations")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_by_the_chair_publishes_a_new_version_and_old_requests_keep_theirs()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var oldRequest = await _portal.SubmitAsync("new.pwp@test.nhs.uk", JoiningTestData.Practitioners);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);

        var response = await chair.SubmitFormAsync(Url, Html.Form(
            ("Input.RegionRule", "InRegionOnly"),
            ("Input.Questions", "What will you bring?\nWhat will you gain?"),
            ("Input.WindowOpens.Day", "1"), ("Input.WindowOpens.Month", "11"), ("Input.WindowOpens.Year", "2026"),
            ("Input.WindowCloses.Day", "15"), ("Input.WindowCloses.Month", "12"), ("Input.WindowCloses.Year", "2026"),
            ("Input.DecisionBy.Day", "5"), ("Input.DecisionBy.Month", "1"), ("Input.DecisionBy.Year", "2027"),
            ("Input.Capacity", "40"),
            ("Input.ChangeSummary", "Midlands only; two questions; a window for the new cohort.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        Assert.Equal(2, community.CurrentTermsVersion);
        Assert.Equal(RegionRule.InRegionOnly, community.RegionRule);
        Assert.Equal(40, community.Capacity);
        Assert.Equal(new DateOnly(2026, 12, 15), community.WindowCloses);
        var version = await _portal.WithDbAsync(db => db.TermsVersions.AsNoTracking().SingleAsync(t => t.CommunityId == community.Id && t.VersionNumber == 2));
        Assert.Equal("Midlands only; two questions; a window for the new cohort.", version.ChangeSummary);
        Assert.Equal(["What will you bring?", "What will you gain?"], version.Eligibility.Questions);
        Assert.Equal(4, version.Eligibility.ProfessionIds.Count);
        var first = await _portal.WithDbAsync(db => db.TermsVersions.AsNoTracking().SingleAsync(t => t.CommunityId == community.Id && t.VersionNumber == 1));
        Assert.Equal(first.Purpose, version.Purpose);

        var request = await _portal.WithDbAsync(db => db.JoinRequests.Include(r => r.TermsVersion).SingleAsync(r => r.Id == oldRequest));
        Assert.Equal(1, request.TermsVersion!.VersionNumber);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "TermsVersion" && a.Action == "Added" && a.UserName == DemoData.ChairEmail)));
    }

    [Fact]
    public async Task Post_invalid_window_and_capacity_and_no_summary_shows_errors_and_publishes_nothing()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(Url, Html.Form(
            ("Input.WindowOpens.Day", "15"), ("Input.WindowOpens.Month", "12"), ("Input.WindowOpens.Year", "2026"),
            ("Input.WindowCloses.Day", "1"), ("Input.WindowCloses.Month", "12"), ("Input.WindowCloses.Year", "2026"),
            ("Input.Capacity", "lots")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Enter a summary of what changed", "Maximum number of members must be a whole number from 1 to 100,000", "The closing date must be the same as or after the opening date"],
            (await Html.ParseAsync(response)).ErrorSummary().Order(StringComparer.Ordinal));
        Assert.Equal(1, (await _portal.CommunityAsync(JoiningTestData.Practitioners)).CurrentTermsVersion);
    }

    [Fact]
    public async Task Post_a_date_that_is_not_real_is_named_and_shown_back_as_typed()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(Url, Html.Form(
            ("Input.WindowOpens.Day", "31"), ("Input.WindowOpens.Month", "2"), ("Input.WindowOpens.Year", "2027"),
            ("Input.WindowCloses.Day", "1"), ("Input.WindowCloses.Month", "3"), ("Input.WindowCloses.Year", "27x"),
            ("Input.ChangeSummary", "Window.")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["The closing date must be a real date", "The opening date must be a real date"], page.ErrorSummary().Order(StringComparer.Ordinal));
        // What was typed comes back, in three boxes; the summary links to the day box.
        Assert.Equal("31", page.QuerySelector("#Input_WindowOpens")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("#Input_WindowOpens-month")!.GetAttribute("value"));
        Assert.Equal("27x", page.QuerySelector("#Input_WindowCloses-year")!.GetAttribute("value"));
        Assert.Equal("Input.WindowOpens.Day", page.QuerySelector("#Input_WindowOpens")!.GetAttribute("name"));
        Assert.NotNull(page.QuerySelector(".nhsuk-error-summary a[href='#Input_WindowOpens']"));
        Assert.Equal(1, (await _portal.CommunityAsync(JoiningTestData.Practitioners)).CurrentTermsVersion);
    }

    [Fact]
    public async Task Post_raising_capacity_gives_places_to_the_waiting_list()
    {
        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        await _portal.SetCapacityAsync(JoiningTestData.Practitioners, community.MemberCount);
        await _portal.CreateApplicantAsync("waiting@test.nhs.uk");
        var id = await _portal.SubmitAsync("waiting@test.nhs.uk", JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), [], "#approve-form");
        Assert.Equal(JoinRequestStatus.WaitingList, (await _portal.RequestAsync(id)).Status);

        await staff.SubmitFormAsync(Url, Html.Form(("Input.Capacity", (community.MemberCount + 5).ToString()), ("Input.ChangeSummary", "More places.")));
        Assert.Equal(JoinRequestStatus.Approved, (await _portal.RequestAsync(id)).Status);
        Assert.True(await _portal.IsMemberAsync("waiting@test.nhs.uk", JoiningTestData.Practitioners));
    }
}
