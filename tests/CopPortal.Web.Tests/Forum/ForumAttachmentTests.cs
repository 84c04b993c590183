using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Tests.Library;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

/// <summary>Files on new threads and replies: the library's rules and store, downloads through the community seam.</summary>
public sealed class ForumAttachmentTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();
    private readonly int _filesBefore = shared.StoredFiles().Count;

    private int FilesAdded => _portal.StoredFiles().Count - _filesBefore;

    private static string AttachmentUrl(int id) => $"{ForumUrl}/attachments/{id}";

    /// <summary>Sends a forum form as a browser would: its fields (with the antiforgery token), the given values and files.</summary>
    private static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formSelector, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector ?? "main form[enctype='multipart/form-data']")!;
        Assert.Equal("multipart/form-data", form.Enctype);
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !fields.ContainsKey(i.Name!)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Input.Files", name);
        }
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, content);
    }

    private static Task<HttpResponseMessage> NewThreadWithFilesAsync(HttpClient client, string title, string body, params (string, byte[])[] files) =>
        PostWithFilesAsync(client, ForumUrl + "/new", Html.Form(("Input.Title", title), ("Input.Body", body), ("Input.AcceptGroundRules", "true")), null, files);

    private static Task<HttpResponseMessage> ReplyWithFilesAsync(HttpClient client, int threadId, string body, params (string, byte[])[] files) =>
        PostWithFilesAsync(client, ThreadUrl(threadId), Html.Form(("Input.Body", body), ("Input.AcceptGroundRules", "true")), "#reply-form", files);

    private Task<List<ForumAttachment>> AttachmentsOfAsync(string threadTitle) =>
        _portal.WithDbAsync(db => db.ForumAttachments.AsNoTracking().Where(a => a.Post!.Thread!.Title == threadTitle).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_pdf_attached_to_a_new_thread_is_listed_and_members_download_it_as_an_attachment()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var pdf = SampleFiles.Pdf("Rota");
        var response = await NewThreadWithFilesAsync(member, "Supervision rota", "The rota is attached.", ("rota.pdf", pdf), ("chart.png", SampleFiles.Png));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var files = await AttachmentsOfAsync("Supervision rota");
        Assert.Equal(["rota.pdf", "chart.png"], files.Select(f => f.FileName));
        Assert.Equal(2, FilesAdded);

        // Shown under the post with its name, type and size.
        var page = await member.GetPageAsync(response.Headers.Location!.OriginalString);
        var listed = page.QuerySelectorAll(".app-forum-post .app-forum-attachments li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains("rota.pdf", listed[0], StringComparison.Ordinal);
        Assert.Contains("(PDF, " + pdf.Length + " bytes)", listed[0], StringComparison.Ordinal);
        Assert.Contains("(PNG image,", listed[1], StringComparison.Ordinal);

        // Another member of the CoP downloads it: an attachment, with the type found in the content, and nosniff.
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var download = await chair.GetAsync(AttachmentUrl(files[0].Id));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("rota.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Audited with the post.
        var ids = files.Select(f => f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ForumAttachment) && a.Action == "Added" && ids.Contains(a.EntityId!))));
    }

    [Fact]
    public async Task A_program_renamed_pdf_is_refused_and_the_reply_typed_is_kept()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Refused files", "Start.");
        var before = FilesAdded;

        var response = await ReplyWithFilesAsync(member, id, "Here is the **report** I promised.", ("report.pdf", SampleFiles.Exe()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal([UploadRules.WrongTypeMessage], page.ErrorSummary());
        Assert.Equal("#Input_Files", page.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        // Nothing else typed is lost, and nothing is half-saved.
        Assert.Equal("Here is the **report** I promised.", ((IHtmlTextAreaElement)page.QuerySelector("#reply-form textarea[name='Input.Body']")!).Value);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.ThreadId == id)));
        Assert.Equal(before, FilesAdded);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_by_name_and_the_good_file_sent_with_it_is_not_kept()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var over = new byte[(int)UploadRules.MaxBytes + 1];
        Array.Fill(over, (byte)'a');
        var response = await NewThreadWithFilesAsync(member, "Too big", "Two files.", ("notes.pdf", SampleFiles.Pdf()), ("big.txt", over));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([UploadRules.TooLargeMessage + ": big.txt"], page.ErrorSummary());
        Assert.Equal("Too big", ((IHtmlInputElement)page.QuerySelector("input[name='Input.Title']")!).Value);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ForumThreads.CountAsync(t => t.Title == "Too big")));
        Assert.Equal(0, FilesAdded);
    }

    [Fact]
    public async Task More_than_five_files_are_refused_and_a_form_with_other_errors_stores_none()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var six = Enumerable.Range(1, 6).Select(i => ($"n{i}.txt", SampleFiles.Text())).ToArray();
        var tooMany = await NewThreadWithFilesAsync(member, "Six files", "Many.", six);
        Assert.Equal(["Select up to 5 files"], (await Html.ParseAsync(tooMany)).ErrorSummary());

        // A missing title: the files are not stored, and the person is asked to choose them again.
        var noTitle = await NewThreadWithFilesAsync(member, "", "Body.", ("a.txt", SampleFiles.Text()));
        Assert.Equal(["Enter a title", "Select the files again"], (await Html.ParseAsync(noTitle)).ErrorSummary());
        Assert.Equal(0, FilesAdded);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ForumAttachments.CountAsync()));
    }

    [Fact]
    public async Task Another_communitys_attachment_is_a_404_and_a_member_of_another_community_never_gets_the_file()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await NewThreadWithFilesAsync(member, "Ours", "Ours.", ("ours.txt", SampleFiles.Text("Ours only\n")))).StatusCode);
        var ours = (await AttachmentsOfAsync("Ours")).Single();

        // An attachment of another CoP asked for under this CoP's address.
        var (otherSlug, _, otherPostId) = await ThreadInAnotherCommunityAsync(_portal);
        var theirs = await _portal.WithDbAsync(async db =>
        {
            var post = await db.ForumPosts.SingleAsync(p => p.Id == otherPostId);
            var attachment = new ForumAttachment { PostId = post.Id, CommunityId = post.CommunityId, StoredName = ours.StoredName, FileName = "theirs.txt", ContentType = ours.ContentType, Length = ours.Length, CreatedAt = post.CreatedAt, UploadedById = post.AuthorId };
            db.ForumAttachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(AttachmentUrl(theirs))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(AttachmentUrl(ours.Id))).StatusCode);

        // Someone who belongs only to another CoP: refused, never the file, under either address.
        var outsider = await _portal.SignedInClientAsync(await MemberOfAnotherCommunityAsync(_portal));
        var refused = await outsider.GetAsync(AttachmentUrl(ours.Id));
        AssertDenied(refused);
        Assert.DoesNotContain("Ours only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{otherSlug}/forum/attachments/{ours.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_removed_posts_files_are_for_moderators_only_and_an_edit_keeps_the_files()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Removal", "Start.");
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyWithFilesAsync(member, id, "With a file.", ("minutes.txt", SampleFiles.Text()))).StatusCode);
        var file = (await AttachmentsOfAsync("Removal")).Single();

        // The author edits the post's text: the file stays.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync($"{ForumUrl}/posts/{file.PostId}/edit", Html.Form(("Input.Body", "With a file, edited.")))).StatusCode);
        var page = await member.GetPageAsync(ThreadUrl(id));
        Assert.NotNull(page.QuerySelector($"#post-{file.PostId} a[href='{AttachmentUrl(file.Id)}']"));

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync($"{ForumUrl}/posts/{file.PostId}/remove", Html.Form(("Input.Reason", "Not for the forum")))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(AttachmentUrl(file.Id))).StatusCode);
        Assert.Null((await member.GetPageAsync(ThreadUrl(id))).QuerySelector($"a[href='{AttachmentUrl(file.Id)}']"));
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync(AttachmentUrl(file.Id))).StatusCode);
        Assert.NotNull((await chair.GetPageAsync(ThreadUrl(id))).QuerySelector($"#post-{file.PostId} a[href='{AttachmentUrl(file.Id)}']"));
    }
}
