using AngleSharp.Dom;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class DirectoryPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static List<string> Names(IDocument page) =>
        page.QuerySelectorAll(".app-result-list h3 a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Get_anonymous_lists_every_active_community_with_cadence_members_and_join_state()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Communities);
        Assert.Equal(
            ["Assistant Psychologists and Psychology Students", "Chief Psychological Professions Officers", "Clinical Associate in Psychology", "Psychological Practitioners", "Psychological Professionals in Physical Healthcare"],
            Names(page));
        var practitioners = page.QuerySelectorAll(".app-result-list > li").Single(li => li.TextContent.Contains("Psychological Practitioners", StringComparison.Ordinal) && !li.TextContent.Contains("Physical", StringComparison.Ordinal));
        var facts = practitioners.QuerySelectorAll(".app-facts > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("Every 3 months, 2 hours", facts["Meets"]);
        // The number of people who belong, counted from the membership rows (the demo crowd makes it dozens).
        var members = await _portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == DemoData.PractitionersSlug));
        Assert.InRange(members, 15, 60);
        Assert.Equal(members.ToString(System.Globalization.CultureInfo.InvariantCulture), facts["Members"]);
        Assert.Equal("Midlands, and other regions with no similar community", facts["Region"]);
        Assert.Equal("Open to join", practitioners.QuerySelector(".nhsuk-tag")!.TextContent);
        Assert.Contains("5 communities", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_search_wellbeing_practitioner_finds_the_practitioners_community()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=wellbeing+practitioner");
        Assert.Equal(["Psychological Practitioners"], Names(page));
        Assert.Equal("wellbeing practitioner", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/communities", "Communities - ")]
    [InlineData("/communities?q=wellbeing+practitioner", "1 community matching “wellbeing practitioner” - Communities - ")]
    [InlineData("/communities?q=psychology", "2 communities matching “psychology” - Communities - ")]
    [InlineData("/communities?q=zzzz", "0 communities matching “zzzz” - Communities - ")]
    [InlineData("/communities?open=true", "5 communities found - Communities - ")]
    public async Task Get_the_title_says_what_a_search_found(string url, string titleStart)
    {
        // After a search the page reloads with focus at the top; the title is the first thing read out.
        var page = await _portal.CreateBrowserClient().GetPageAsync(url);
        Assert.StartsWith(titleStart, page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_search_is_case_insensitive_and_every_word_must_match()
    {
        var client = _portal.CreateBrowserClient();
        Assert.Equal(["Clinical Associate in Psychology"], Names(await client.GetPageAsync("/communities?q=CLINICAL+associate")));
        Assert.Empty(Names(await client.GetPageAsync("/communities?q=clinical+wellbeing+zebra")));
        var none = await client.GetPageAsync("/communities?q=zebra");
        Assert.Contains("No communities match your search.", none.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_search_matches_the_start_of_words_not_the_middle()
    {
        var client = _portal.CreateBrowserClient();
        // "Practitioners" begins with "practitioner" and "psych"; "ractitioner" only appears inside a word.
        Assert.Equal(["Psychological Practitioners"], Names(await client.GetPageAsync("/communities?q=practitioner+wellbe")));
        Assert.Contains("Psychological Practitioners", Names(await client.GetPageAsync("/communities?q=psych")));
        Assert.Empty(Names(await client.GetPageAsync("/communities?q=ractitioner")));
    }

    [Fact]
    public async Task Get_search_finds_a_changed_summary_and_forgets_the_old_words()
    {
        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Name == "Psychological Practitioners");
            community.Summary = "For quokka keepers.";
            community.RefreshSearchText("Anyone who keeps quokkas.");
            await db.SaveChangesAsync();
        });
        var client = _portal.CreateBrowserClient();
        Assert.Equal(["Psychological Practitioners"], Names(await client.GetPageAsync("/communities?q=quokka")));
        Assert.Empty(Names(await client.GetPageAsync("/communities?q=wellbeing+practitioner")));
        // Derived rows are not audited: the community's own change is.
        Assert.Equal(0, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType.Contains("SearchTerm"))));
    }

    [Fact]
    public async Task Get_search_matches_the_terms_who_it_is_for_text()
    {
        // "BPS-accredited" is in the summary; "postgraduate" only in the ToR's who-it-is-for.
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=postgraduate");
        Assert.Equal(["Assistant Psychologists and Psychology Students"], Names(page));
    }

    [Fact]
    public async Task Get_profession_filter_keeps_communities_open_to_it_or_to_any_profession()
    {
        var professionId = await _portal.WithDbAsync(db => Task.FromResult(db.Professions.Single(p => p.Abbreviation == "PWP").Id));
        var page = await _portal.CreateBrowserClient().GetPageAsync($"/communities?profession={professionId}");
        // Practitioners lists PWPs; the CPPO and physical healthcare CoPs do not restrict by profession.
        Assert.Equal(["Chief Psychological Professions Officers", "Psychological Practitioners", "Psychological Professionals in Physical Healthcare"], Names(page));
        Assert.NotNull(page.QuerySelector($"#profession option[value='{professionId}'][selected]"));
    }

    [Fact]
    public async Task Get_region_filter_shows_only_communities_with_that_rule()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities?region=OutOfRegionIfNoLocalCoP");
        Assert.Equal(["Psychological Practitioners"], Names(page));
    }

    [Fact]
    public async Task Get_open_filter_leaves_out_full_and_closed_window_communities()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Students, c => c.MemberCount = 60);
        await _portal.UpdateCommunityAsync(DirectoryTestData.Cppo, c =>
        {
            c.WindowOpens = new DateOnly(2027, 1, 4);
            c.WindowCloses = new DateOnly(2027, 1, 29);
        });
        var client = _portal.CreateBrowserClient();
        var open = await client.GetPageAsync("/communities?open=true");
        Assert.Equal(["Clinical Associate in Psychology", "Psychological Practitioners", "Psychological Professionals in Physical Healthcare"], Names(open));

        var all = (await client.GetPageAsync(PortalPaths.Communities)).MainText();
        Assert.Contains("Full: you can join the waiting list", all, StringComparison.Ordinal);
        Assert.Contains("Applications open 4 January 2027 to 29 January 2027", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_archived_communities_are_hidden_unless_asked_for()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Cppo, c => c.Status = CommunityStatus.Archived);
        var client = _portal.CreateBrowserClient();
        Assert.DoesNotContain("Chief Psychological Professions Officers", Names(await client.GetPageAsync(PortalPaths.Communities)));
        var withArchived = await client.GetPageAsync("/communities?archived=true");
        Assert.Contains("Chief Psychological Professions Officers", Names(withArchived));
        Assert.Contains("Archived: no longer meeting", withArchived.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_more_than_ten_results_paginate_and_keep_the_search_in_the_links()
    {
        await _portal.AddNetworkGroupsAsync(1, 12);
        var client = _portal.CreateBrowserClient();
        var first = await client.GetPageAsync("/communities?q=group");
        Assert.Equal(10, Names(first).Count);
        Assert.Contains("12 communities", first.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("a.nhsuk-pagination__next")!.GetAttribute("href");
        Assert.Equal("/communities?q=group&page=2", next);

        var second = await client.GetPageAsync(next!);
        Assert.Equal(["Network Group 11", "Network Group 12"], Names(second));
        Assert.Equal("page", second.QuerySelector(".nhsuk-pagination__item--current a")!.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public async Task Get_a_search_filling_exactly_one_page_or_one_more_counts_right(int matches, bool paginated)
    {
        await _portal.AddNetworkGroupsAsync(1, matches);
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=group");
        Assert.Equal(Math.Min(matches, 10), Names(page).Count);
        Assert.Contains($"{matches} communities", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(paginated, page.QuerySelector("a.nhsuk-pagination__next") is not null);
    }

    [Fact]
    public async Task Get_a_repeated_search_is_one_sql_command_for_2_matches_or_25_and_its_count_follows_every_change()
    {
        var counter = new CommandCounter();
        using var counted = _portal.WithWebHostBuilder(b => b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(s, counter)));
        var client = counted.CreateClient();
        // Through the counted portal's own services, so its save reaches its in-memory counts.
        Task AddAsync(int first, int last) => NetworkGroups.AddAsync(counted.Services, first, last);
        async Task<(List<string> Names, string Heading, int Commands)> VisitAsync(string url)
        {
            counter.Reset();
            var page = await client.GetPageAsync(url);
            return (Names(page), page.QuerySelector("#results-heading")!.TextContent, counter.Count);
        }

        await AddAsync(1, 2);
        // The first visit counts the matches (and loads the profession list); a repeat reads only its rows.
        var first = await VisitAsync("/communities?q=group");
        var two = await VisitAsync("/communities?q=group");
        await AddAsync(3, 25);
        var afterAdding = await VisitAsync("/communities?q=group&page=2");
        var many = await VisitAsync("/communities?q=group&page=2");

        Assert.True(first.Commands > two.Commands);
        Assert.Equal(2, two.Names.Count);
        Assert.Equal(1, two.Commands);
        Assert.Contains("25 communities", afterAdding.Heading, StringComparison.Ordinal);
        Assert.Equal(10, many.Names.Count);
        Assert.Equal(1, many.Commands);
    }

    [Fact]
    public async Task Get_a_page_past_the_end_shows_the_last_page_even_when_another_server_removed_communities()
    {
        await _portal.AddNetworkGroupsAsync(1, 25);
        var client = _portal.CreateBrowserClient();
        var pastTheEnd = await client.GetPageAsync("/communities?q=group&page=9");
        Assert.Equal(["Network Group 21", "Network Group 22", "Network Group 23", "Network Group 24", "Network Group 25"], Names(pastTheEnd));
        Assert.Equal("3", pastTheEnd.QuerySelector(".nhsuk-pagination__item--current")!.TextContent.Trim());

        // As if another server archived eight of them: this app's SaveChanges never sees it, so its count is stale.
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Communities\" SET \"Status\" = 2 WHERE \"Slug\" IN ('network-group-18', 'network-group-19', 'network-group-20', 'network-group-21', 'network-group-22', 'network-group-23', 'network-group-24', 'network-group-25')"));
        var afterArchiving = await client.GetPageAsync("/communities?q=group&page=3");
        Assert.Equal(["Network Group 11", "Network Group 12", "Network Group 13", "Network Group 14", "Network Group 15", "Network Group 16", "Network Group 17"], Names(afterArchiving));
        Assert.Contains("17 communities", afterArchiving.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_many_pages_lists_the_first_last_and_nearby_pages_with_a_gap_between()
    {
        await _portal.AddNetworkGroupsAsync(1, 75);
        var client = _portal.CreateBrowserClient();
        static List<string> Items(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll(".nhsuk-pagination__item").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(["1", "2", "\u22ef", "8"], Items(await client.GetPageAsync("/communities?q=group")));
        var middle = await client.GetPageAsync("/communities?q=group&page=5");
        Assert.Equal(["1", "\u22ef", "4", "5", "6", "7", "8"], Items(middle));
        Assert.Equal("/communities?q=group&page=8", middle.QuerySelector("a[aria-label='Page 8']")!.GetAttribute("href"));
        Assert.Equal(["Network Group 41", "Network Group 42", "Network Group 43", "Network Group 44", "Network Group 45", "Network Group 46", "Network Group 47", "Network Group 48", "Network Group 49", "Network Group 50"], Names(middle));
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 10, "1 2 … 10")]
    [InlineData(4, 10, "1 2 3 4 5 … 10")]
    [InlineData(5, 10, "1 … 4 5 6 … 10")]
    [InlineData(10, 10, "1 … 9 10")]
    [InlineData(8, 10, "1 … 7 8 9 10")]
    public void Page_numbers_keep_first_last_and_neighbours_and_replace_longer_gaps_with_an_ellipsis(int current, int pageCount, string expected)
    {
        var items = CopPortal.Web.Infrastructure.PageNumbers.Around(current, pageCount);
        Assert.Equal(expected, string.Join(' ', items.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }

    [Fact]
    public async Task Profession_filter_shows_a_new_or_retired_profession_at_once_although_the_list_is_kept_in_memory()
    {
        var client = _portal.CreateBrowserClient();
        static List<string> Options(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("#profession option").Select(o => o.TextContent.Trim()).ToList();
        var before = Options(await client.GetPageAsync(PortalPaths.Communities));
        Assert.DoesNotContain("Music therapist (MT)", before);

        var retired = await _portal.WithDbAsync(async db =>
        {
            db.Professions.Add(new CopPortal.Domain.People.Profession { Name = "Music therapist", Abbreviation = "MT", SortOrder = 999 });
            var first = await db.Professions.Where(p => p.IsActive).OrderBy(p => p.SortOrder).FirstAsync();
            first.IsActive = false;
            await db.SaveChangesAsync();
            return first.DisplayName;
        });

        var after = Options(await client.GetPageAsync(PortalPaths.Communities));
        Assert.Equal("Music therapist (MT)", after[^1]);
        Assert.Contains(retired, before);
        Assert.DoesNotContain(retired, after);
    }

    [Fact]
    public async Task Get_html_in_a_summary_is_shown_as_text()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Cppo, c => c.Summary = "<script>alert(1)</script> <b>bold</b>");
        var response = await _portal.CreateBrowserClient().GetAsync(PortalPaths.Communities);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_with_nonsense_filters_still_lists_communities()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities?region=Mars&page=99");
        Assert.Equal(5, Names(page).Count);
    }
}
