using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class HelpPagesTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_glossary_explains_every_acronym_from_the_domain()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Glossary);
        var terms = page.QuerySelectorAll(".app-glossary dt").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(["AP", "APP", "CAMHS", "CAP", "CoP", "CPPO", "CWP", "CYP", "DClin", "EBE", "EMHP", "HEI", "MDT", "MHWP", "NHS TTad", "NHS TT LTC", "PPN", "PWP", "ToR"], terms);
        Assert.Contains("NHS Talking Therapies for Anxiety and Depression", page.MainText(), StringComparison.Ordinal);
        Assert.Equal("Psychological Wellbeing Practitioner", page.QuerySelector("#pwp abbr")!.GetAttribute("title"));
    }

    [Theory]
    [InlineData("/help", "Help")]
    [InlineData("/accessibility", "Accessibility statement")]
    [InlineData("/privacy", "Privacy")]
    public async Task Get_help_pages_are_public(string url, string heading)
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(url);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_privacy_names_every_cookie_the_portal_sets()
    {
        var services = _portal.Services;
        string?[] names =
        [
            services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name,
            services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name,
            services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name,
        ];
        var text = (await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Privacy)).MainText();
        Assert.Contains("three cookies", text, StringComparison.Ordinal);
        Assert.All(names, name => Assert.Contains(name!, text, StringComparison.Ordinal));
    }
}
