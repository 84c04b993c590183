using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Library;

/// <summary>The secretary uploads a document, a member suggests one and the secretary publishes it; actions are updated; axe on each page.</summary>
public sealed class LibraryJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Library = "/communities/" + DemoData.PractitionersSlug + "/library";
    private const string Actions = "/communities/" + DemoData.PractitionersSlug + "/actions";

    [Fact]
    public async Task Secretary_uploads_member_suggests_and_the_suggestion_is_published_without_axe_violations()
    {
        var upload = Path.Combine(Path.GetTempPath(), $"terms-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(upload, "Draft terms for discussion.\n");
        try
        {
            var secretary = await session.NewPageAsync();
            await session.SignInAsync(secretary, DemoData.SecretaryEmail);
            await secretary.GotoAsync(Library);
            await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Library", Exact = true })).ToBeVisibleAsync();
            await BrowserSession.AssertAccessibleAsync(secretary);

            // Uploading with no file first shows the error summary.
            await secretary.GetByRole(AriaRole.Link, new() { Name = "Upload a document" }).ClickAsync();
            await secretary.GetByLabel("Title").FillAsync("Draft terms");
            await secretary.GetByLabel("Folder").SelectOptionAsync(new SelectOptionValue { Label = "Terms of Reference" });
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(secretary.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select a file to upload");
            Assert.StartsWith("Error: ", await secretary.TitleAsync(), StringComparison.Ordinal);
            await BrowserSession.AssertAccessibleAsync(secretary);
            await secretary.GetByLabel("File").SetInputFilesAsync(upload);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Draft terms" })).ToBeVisibleAsync();
            await session.ScreenshotAsync(secretary, "library-document");
            await BrowserSession.AssertAccessibleAsync(secretary);

            // A member suggests a document with a note.
            var member = await session.NewPageAsync();
            await session.SignInAsync(member, DemoData.MemberEmail);
            await member.GotoAsync(Library);
            await member.GetByRole(AriaRole.Link, new() { Name = "Suggest a document" }).ClickAsync();
            await BrowserSession.AssertAccessibleAsync(member);
            await member.GetByLabel("Title").FillAsync("Useful checklist");
            await member.GetByLabel("Folder").SelectOptionAsync(new SelectOptionValue { Label = "Resources" });
            await member.GetByLabel("File").SetInputFilesAsync(upload);
            await member.GetByLabel("Note for the core team").FillAsync("We use this in our service.");
            await member.GetByRole(AriaRole.Button, new() { Name = "Send to the core team" }).ClickAsync();
            await Assertions.Expect(member.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("has been sent to the core team");

            // The secretary publishes it from the library's list of suggestions.
            await secretary.GotoAsync(Library);
            await secretary.GetByRole(AriaRole.Link, new() { Name = "Useful checklist" }).ClickAsync();
            await BrowserSession.AssertAccessibleAsync(secretary);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Publish in the library" }).ClickAsync();
            await Assertions.Expect(secretary.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("is published in the library");
            var document = await session.Portal.WithDbAsync(db => db.LibraryDocuments.AsNoTracking().SingleAsync(d => d.Title == "Useful checklist"));
            Assert.Equal(LibraryDocumentStatus.Published, document.Status);

            await member.GotoAsync($"{Library}/folders/{document.FolderId}");
            await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Useful checklist");
            await BrowserSession.AssertAccessibleAsync(member);
        }
        finally
        {
            File.Delete(upload);
        }
    }

    [Fact]
    public async Task Member_sees_overdue_actions_and_the_owner_marks_one_done_without_axe_violations()
    {
        var member = await session.NewPageAsync();
        await session.SignInAsync(member, DemoData.MemberEmail);
        await member.GotoAsync(Actions);
        await Assertions.Expect(member.Locator(".app-actions .nhsuk-tag--red").First).ToHaveTextAsync("Overdue");
        await session.ScreenshotAsync(member, "actions");
        await BrowserSession.AssertAccessibleAsync(member);

        await member.GetByRole(AriaRole.Link, new() { Name = "Share the group supervision survey with members" }).ClickAsync();
        await BrowserSession.AssertAccessibleAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(member.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a note about the update");
        await BrowserSession.AssertAccessibleAsync(member);
        await member.GetByLabel("Done").CheckAsync();
        await member.GetByLabel("Note").FillAsync("Sent to all members");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        await Assertions.Expect(member.Locator(".app-action-history")).ToContainTextAsync("Sent to all members");
    }
}
