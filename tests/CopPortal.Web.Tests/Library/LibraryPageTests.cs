using System.Net;
using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Library.LibraryTestData;

namespace CopPortal.Web.Tests.Library;

public sealed class LibraryPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    // The store keeps files across tests of the class (and has the demo's): tests count what they add.
    private readonly int _filesBefore = shared.StoredFiles().Count;

    private int FilesAdded => _portal.StoredFiles().Count - _filesBefore;

    private async Task<(HttpResponseMessage Response, int FolderId)> UploadAsSecretaryAsync(string title, string fileName, byte[] file)
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var folder = await FolderOrDefaultsAsync(secretary, LibraryFolder.Resources);
        var response = await secretary.UploadAsync(AddUrl, Html.Form(("Input.Title", title), ("Input.FolderId", folder.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Input.File", fileName, file);
        return (response, folder);
    }

    /// <summary>The folder's table of documents (not a one-time banner that may name a document too).</summary>
    private static string DocumentList(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".app-library-documents")?.TextContent ?? "";

    private async Task<int> FolderOrDefaultsAsync(HttpClient client, string name)
    {
        await client.GetPageAsync(LibraryUrl); // the demo CoP's library has its standard folders (a GET never makes them)
        return await _portal.FolderIdAsync(name);
    }

    [Fact]
    public async Task A_new_library_has_the_four_standard_folders()
    {
        var page = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync(LibraryUrl);
        var folders = page.QuerySelectorAll(".app-library-folders li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Terms of Reference", "Agendas and minutes", "Presentations", "Resources"], folders.Take(4));
    }

    [Fact]
    public async Task The_core_team_uploads_a_document_members_download_it_as_an_attachment_with_nosniff()
    {
        var (response, folderId) = await UploadAsSecretaryAsync("Supervision framework", "C:\\Users\\sam\\framework.pdf", SampleFiles.Pdf("Framework"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await _portal.DocumentAsync("Supervision framework");
        Assert.Equal(LibraryDocumentStatus.Published, document!.Status);
        var version = Assert.Single(document.Versions);
        Assert.Equal("framework.pdf", version.FileName);
        Assert.Equal("application/pdf", version.ContentType);
        Assert.Matches("^[0-9a-f]{32}$", version.StoredName);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var folder = await member.GetPageAsync($"{LibraryUrl}/folders/{folderId}");
        Assert.Contains("Supervision framework", folder.MainText(), StringComparison.Ordinal);
        var download = await member.GetAsync($"{LibraryUrl}/documents/{document.Id}/versions/1/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("framework.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SampleFiles.Pdf("Framework"), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Downloads_are_authorised_per_request_and_another_communitys_document_is_not_found_under_this_slug()
    {
        var (_, _) = await UploadAsSecretaryAsync("Members only", "notes.txt", SampleFiles.Text());
        var document = await _portal.DocumentAsync("Members only");
        var url = $"{LibraryUrl}/documents/{document!.Id}/versions/1/download";

        var anonymous = await _portal.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await _portal.CreateUserAsync("stranger@nhs.net", "Stranger Danger");
        var outsider = await (await _portal.SignedInClientAsync("stranger@nhs.net")).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, outsider.StatusCode);
        Assert.Contains("/account/access-denied", outsider.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staff = await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);

        // Staff may read every CoP's library, but another CoP's slug with this document's id is a 404, not the file.
        var otherSlug = await _portal.WithDbAsync(db => db.Communities.Where(c => c.Slug != Slug && c.Status == CopPortal.Domain.Communities.CommunityStatus.Active)
            .Select(c => c.Slug).FirstAsync());
        var member = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var crossed = await member.GetAsync($"/communities/{otherSlug}/library/documents/{document.Id}/versions/1/download");
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/communities/{otherSlug}/library/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{LibraryUrl}/documents/{document.Id}/versions/2/download")).StatusCode);
    }

    [Theory]
    [InlineData("setup.pdf", "exe", "The selected file must be a PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or plain text file")]
    [InlineData("page.pdf", "html", "The selected file must be a PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or plain text file")]
    [InlineData("empty.pdf", "empty", "The selected file is empty")]
    [InlineData(null, "none", "Select a file to upload")]
    public async Task A_refused_file_shows_a_clear_error_and_nothing_is_saved(string? name, string kind, string message)
    {
        byte[]? bytes = kind switch
        {
            "exe" => SampleFiles.Exe(),
            "html" => SampleFiles.Html(),
            "empty" => [],
            _ => null,
        };
        var (response, _) = kind == "none" ? await UploadAsSecretaryNoFileAsync() : await UploadAsSecretaryAsync("Refused", name!, bytes!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Null(await _portal.DocumentAsync("Refused"));
        Assert.Equal(0, FilesAdded);
    }

    private async Task<(HttpResponseMessage, int)> UploadAsSecretaryNoFileAsync()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var folder = await FolderOrDefaultsAsync(secretary, LibraryFolder.Resources);
        return (await secretary.UploadAsync(AddUrl, Html.Form(("Input.Title", "Refused"), ("Input.FolderId", folder.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Input.File", null, null), folder);
    }

    [Fact]
    public async Task A_25_MB_upload_streams_into_the_store_and_a_26_MB_one_is_refused_with_a_clear_message()
    {
        var limit = new byte[25 * 1024 * 1024];
        Array.Fill(limit, (byte)'a');
        var (accepted, _) = await UploadAsSecretaryAsync("Big notes", "big.txt", limit);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, FilesAdded);
        Assert.Equal(limit.Length, (await _portal.DocumentAsync("Big notes"))!.Versions.Single().Length);

        var over = new byte[26 * 1024 * 1024];
        Array.Fill(over, (byte)'a');
        var (refused, _) = await UploadAsSecretaryAsync("Too big", "bigger.txt", over);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["The selected file must be smaller than 25MB"], (await Html.ParseAsync(refused)).ErrorSummary());
        Assert.Null(await _portal.DocumentAsync("Too big"));
        Assert.Equal(1, FilesAdded);
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_refused_without_a_server_error()
    {
        var huge = new byte[40 * 1024 * 1024];
        var (response, _) = await UploadAsSecretaryAsync("Huge", "huge.txt", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The file is too large", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(await _portal.DocumentAsync("Huge"));
    }

    [Fact]
    public async Task A_new_version_keeps_the_old_one_with_who_what_and_when()
    {
        await UploadAsSecretaryAsync("Contacts", "contacts.txt", SampleFiles.Text("First list\n"));
        var document = await _portal.DocumentAsync("Contacts");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = $"{LibraryUrl}/documents/{document!.Id}";
        // Made once: a ZIP records when its entries were written, so two calls a second apart differ.
        var docx = SampleFiles.Docx();
        var response = await chair.UploadAsync(url, Html.Form(("NewVersion.ChangeNote", "Added the new co-chair")), "NewVersion.File", "contacts-v2.docx", docx);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await chair.GetPageAsync(url);
        var rows = page.QuerySelectorAll(".app-versions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Added the new co-chair", rows[0], StringComparison.Ordinal);
        Assert.Contains("Hannah Whitfield", rows[0], StringComparison.Ordinal);
        Assert.Contains("contacts-v2.docx", rows[0], StringComparison.Ordinal);
        Assert.Contains("contacts.txt", rows[1], StringComparison.Ordinal);
        Assert.Equal("First list\n", await chair.GetStringAsync(url + "/versions/1/download"));
        Assert.Equal(docx, await chair.GetByteArrayAsync(url + "/versions/2/download"));
        Assert.Equal(2, (await _portal.DocumentAsync("Contacts"))!.CurrentVersion);
    }

    [Fact]
    public async Task A_version_based_on_an_old_view_of_the_document_is_refused_and_its_file_discarded()
    {
        await UploadAsSecretaryAsync("Rota", "rota.txt", SampleFiles.Text());
        var document = await _portal.DocumentAsync("Rota");
        var url = $"{LibraryUrl}/documents/{document!.Id}";
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var stale = await chair.GetPageAsync(url);
        var stamp = stale.QuerySelector("form input[name=Stamp]")!.GetAttribute("value")!;
        await chair.UploadAsync(url, Html.Form(("NewVersion.ChangeNote", "First change")), "NewVersion.File", "rota.txt", SampleFiles.Text("B"));
        var response = await chair.UploadAsync(url, Html.Form(("NewVersion.ChangeNote", "Second change"), ("Stamp", stamp)), "NewVersion.File", "rota.txt", SampleFiles.Text("C"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this document", (await Html.ParseAsync(response)).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(2, (await _portal.DocumentAsync("Rota"))!.Versions.Count);
        Assert.Equal(2, FilesAdded);
    }

    [Fact]
    public async Task A_member_suggests_a_document_the_core_team_publishes_it_and_the_member_is_emailed()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var folder = await FolderOrDefaultsAsync(member, LibraryFolder.Presentations);
        var response = await member.UploadAsync(AddUrl, Html.Form(("Input.Title", "My slides"), ("Input.FolderId", folder.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Note", "From the October talk")), "Input.File", "slides.odt", SampleFiles.Odt());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await _portal.DocumentAsync("My slides");
        Assert.Equal(LibraryDocumentStatus.Suggested, document!.Status);

        // Not in the library yet: another member's folder list and the document page do not show it.
        var folderUrl = $"{LibraryUrl}/folders/{folder}";
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.DoesNotContain("My slides", DocumentList(await member.GetPageAsync(folderUrl)), StringComparison.Ordinal);
        var library = await secretary.GetPageAsync(LibraryUrl);
        Assert.Contains("My slides", library.QuerySelector("main ul.nhsuk-list--border")!.TextContent, StringComparison.Ordinal);

        var publish = await secretary.SubmitFormAsync($"{LibraryUrl}/documents/{document.Id}", [], "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(LibraryDocumentStatus.Published, (await _portal.DocumentAsync("My slides"))!.Status);
        Assert.Contains("My slides", DocumentList(await member.GetPageAsync(folderUrl)), StringComparison.Ordinal);
        var email = await _portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "library.suggestion-decision"));
        Assert.Equal(DemoData.MemberEmail, email.ToAddress);
        Assert.Contains("has published the document you suggested, \"My slides\"", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost{LibraryUrl}/documents/{document.Id}", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_suggestion_needs_a_reason_which_is_emailed_and_it_never_reaches_the_library()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var folder = await FolderOrDefaultsAsync(member, LibraryFolder.Resources);
        var noNote = await member.UploadAsync(AddUrl, Html.Form(("Input.Title", "Leaflet"), ("Input.FolderId", folder.ToString(System.Globalization.CultureInfo.InvariantCulture))), "Input.File", "leaflet.png", SampleFiles.Png);
        Assert.Equal(["Enter a note for the core team about the document", "Select the file again"], (await Html.ParseAsync(noNote)).ErrorSummary());
        Assert.Equal(0, FilesAdded);
        await member.UploadAsync(AddUrl, Html.Form(("Input.Title", "Leaflet"), ("Input.FolderId", folder.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Note", "Useful")), "Input.File", "leaflet.png", SampleFiles.Png);
        var document = await _portal.DocumentAsync("Leaflet");

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = $"{LibraryUrl}/documents/{document!.Id}";
        var empty = await chair.SubmitFormAsync(url, Html.Form(("Decline.Reason", " ")), "form[action*='handler=Decline']");
        Assert.Equal(["Enter why the document is not being added, for the member who suggested it"], (await Html.ParseAsync(empty)).ErrorSummary());
        Assert.Equal(LibraryDocumentStatus.Suggested, (await _portal.DocumentAsync("Leaflet"))!.Status);

        var declined = await chair.SubmitFormAsync(url, Html.Form(("Decline.Reason", "We already have the newer edition")), "form[action*='handler=Decline']");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(LibraryDocumentStatus.Declined, (await _portal.DocumentAsync("Leaflet"))!.Status);
        var email = await _portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "library.suggestion-decision"));
        Assert.Contains("Their reason: We already have the newer edition", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaflet", DocumentList(await member.GetPageAsync($"{LibraryUrl}/folders/{folder}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_is_soft_hides_the_document_and_its_files_and_is_audited()
    {
        await UploadAsSecretaryAsync("Old policy", "policy.txt", SampleFiles.Text());
        var document = await _portal.DocumentAsync("Old policy");
        var url = $"{LibraryUrl}/documents/{document!.Id}";
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var response = await chair.SubmitFormAsync(url, [], "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url + "/versions/1/download")).StatusCode);
        var kept = await _portal.DocumentAsync("Old policy");
        Assert.NotNull(kept!.DeletedAt);
        Assert.Equal(1, FilesAdded);
        var chairId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).FirstAsync());
        Assert.Equal(chairId, kept.DeletedById);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(LibraryDocument) && a.EntityId == kept.Id.ToString() && a.Action == "Modified").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(chairId, entry.UserId);
        Assert.Contains("DeletedAt", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_core_team_adds_a_folder_and_a_duplicate_name_is_refused()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var added = await chair.SubmitFormAsync(LibraryUrl, Html.Form(("Folder.Name", "Case studies")), "form[action*='handler=Folder']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var again = await chair.SubmitFormAsync(LibraryUrl, Html.Form(("Folder.Name", "case studies")), "form[action*='handler=Folder']");
        Assert.Equal(["There is already a folder with that name"], (await Html.ParseAsync(again)).ErrorSummary());
        var page = await chair.GetPageAsync(LibraryUrl);
        var folders = page.QuerySelectorAll(".app-library-folders li a");
        Assert.Equal("Case studies", folders[^1].TextContent.Trim());
    }
}
