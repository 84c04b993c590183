using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Library;

internal static class LibraryTestData
{
    public const string Slug = DemoData.PractitionersSlug;
    public static readonly string LibraryUrl = "/communities/" + Slug + "/library";
    public static readonly string AddUrl = LibraryUrl + "/add";

    /// <summary>
    /// Submits a page's multipart form as a browser would: its fields (with the antiforgery token) over the page's
    /// current values, and one file in <paramref name="fileField"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, IDictionary<string, string> fields, string fileField, string? fileName, byte[]? file, string? formSelector = null)
    {
        var page = await client.GetPageAsync(url);
        var form = (formSelector is null
            ? page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.Enctype == "multipart/form-data")
            : (IHtmlFormElement)page.QuerySelector(formSelector)!);
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == fileField || fields.ContainsKey(name))
            {
                continue;
            }
            var value = element switch
            {
                IHtmlInputElement input when input.Type is not ("radio" or "checkbox" or "file") => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => null,
            };
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, fileField, fileName ?? "");
        }
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, content);
    }

    public static Task<int> FolderIdAsync(this PortalFactory portal, string name) => portal.WithDbAsync(db =>
        db.LibraryFolders.Where(f => f.Name == name && db.Communities.Any(c => c.Id == f.CommunityId && c.Slug == Slug)).Select(f => f.Id).FirstAsync());

    public static Task<LibraryDocument?> DocumentAsync(this PortalFactory portal, string title) => portal.WithDbAsync(db =>
        db.LibraryDocuments.Include(d => d.Versions).AsNoTracking().FirstOrDefaultAsync(d => d.Title == title));

    /// <summary>Every file in the portal's file store (by default under the data directory).</summary>
    public static List<string> StoredFiles(this PortalFactory portal)
    {
        var root = Path.Combine(portal.DataDirectory, "files");
        return System.IO.Directory.Exists(root) ? System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToList() : [];
    }
}
