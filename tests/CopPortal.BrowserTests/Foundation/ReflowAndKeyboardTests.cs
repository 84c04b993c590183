using CopPortal.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Foundation;

/// <summary>Tables reflow on a phone (WCAG 1.4.10), and keyboard users always see where focus is (WCAG 2.4.7).</summary>
public sealed class ReflowAndKeyboardTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Theory]
    [InlineData("/staff/join-requests", "reflow-join-requests")]
    [InlineData("/staff/outbox", "reflow-outbox")]
    [InlineData("/staff/people", "reflow-people")]
    [InlineData("/staff/communities", "reflow-communities")]
    [InlineData("/staff/audit", "reflow-audit")]
    [InlineData("/staff/email-domains", "reflow-email-domains")]
    [InlineData("/communities/" + DemoData.PractitionersSlug + "/terms", "reflow-terms")]
    public async Task Tables_fit_a_320px_screen_as_stacked_rows(string path, string name)
    {
        await AddFailedEmailAsync();
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("table").First).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, name);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{path} is {scrollWidth}px wide at 320px");
        // Each row is a card: a cell's label sits beside its value and does not overlap the next cell.
        var overlaps = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('tbody tr')].filter(row => {
              const cells = [...row.children].map(c => c.getBoundingClientRect());
              return cells.some((c, i) => i > 0 && c.top < cells[i - 1].bottom - 1);
            }).length
            """);
        Assert.Equal(0, overlaps);
        Assert.True(await page.Locator("tbody .nhsuk-table__heading").First.IsVisibleAsync());
    }

    [Theory]
    [InlineData("/communities", null, "Search")]
    [InlineData("/communities/clinical-associate-in-psychology/join", DemoData.MemberEmail, "Send request")]
    public async Task Tabbing_through_the_page_always_shows_a_visible_focus_indicator(string path, string? email, string lastControl)
    {
        var page = await session.NewPageAsync();
        if (email is not null)
        {
            await session.SignInAsync(page, email);
        }
        await page.GotoAsync(path);
        var reached = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState>("""
                () => {
                  const e = document.activeElement;
                  const s = getComputedStyle(e);
                  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
                  const shadow = s.boxShadow !== 'none';
                  return { name: (e.innerText || e.value || e.id || e.tagName).trim().slice(0, 60), tag: e.tagName, visible: outline || shadow };
                }
                """);
            if (focus.Tag == "BODY")
            {
                break;
            }
            Assert.True(focus.Visible, $"No visible focus indicator on '{focus.Name}' ({focus.Tag}) at Tab {step + 1} on {path}");
            reached.Add(focus.Name);
        }
        Assert.Equal("Skip to main content", reached[0]);
        Assert.Contains(lastControl, reached);
    }

    /// <summary>The outbox is empty in the demo data; a failed email with a long address and error fills every column.</summary>
    private async Task AddFailedEmailAsync()
    {
        await session.Portal.WithDbAsync(async db =>
        {
            if (!db.OutboxMessages.Any())
            {
                var now = session.Portal.Clock.GetUtcNow();
                db.OutboxMessages.Add(new CopPortal.Domain.Messaging.OutboxMessage
                {
                    ToAddress = "a.very.long.name.for.a.practitioner@midlandspartnership.nhs.uk",
                    Subject = "Your request to join Psychological Practitioners",
                    Kind = "JoinRequestReceived",
                    Status = CopPortal.Domain.Messaging.OutboxStatus.Failed,
                    Attempts = 5,
                    CreatedAt = now,
                    NextAttemptAt = now,
                    LastError = "SmtpCommandException: 550 5.1.1 mailbox unavailable for a.very.long.name.for.a.practitioner@midlandspartnership.nhs.uk",
                });
                await db.SaveChangesAsync();
            }
        });
    }

    private sealed class FocusState
    {
        public string Name { get; set; } = "";
        public string Tag { get; set; } = "";
        public bool Visible { get; set; }
    }
}
