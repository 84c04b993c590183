using System.Net;
using System.Text.RegularExpressions;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// Every Razor page, found from the endpoint data source so a new page is covered without editing this test,
/// answers a method it does not handle with 405 and an unknown handler with 404, never a 500.
/// </summary>
public sealed partial class UnknownHandlerTests(UnknownHandlerTests.Portal portal) : IClassFixture<UnknownHandlerTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string> PagePaths()
    {
        using var factory = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        var data = new TheoryData<string>();
        foreach (var path in PathsOf(factory))
        {
            data.Add(path);
        }
        return data;
    }

    private static List<string> PathsOf(PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => ParameterPattern().Replace("/" + e.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[1].Value switch
            {
                "slug" => DemoData.PractitionersSlug,
                "token" => "not-a-token",
                "handler" => "",
                _ => "1",
            }))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex ParameterPattern();

    [Fact]
    public void The_list_covers_the_pages_the_probe_found()
    {
        var paths = PathsOf(portal.Factory);
        Assert.True(paths.Count >= 40, $"Only {paths.Count} pages found");
        Assert.Contains("/communities/" + DemoData.PractitionersSlug + "/terms/edit", paths);
        Assert.Contains("/staff/join-requests/1", paths);
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Trace_is_405_and_an_unknown_handler_is_404_on_every_page(string path)
    {
        var client = await portal.Factory.SignedInClientAsync(DemoData.StaffEmail);
        var token = (await client.GetPageAsync("/account/profile"))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var trace = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        Assert.Contains("GET", trace.Content.Headers.Allow);

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var post = await client.PostAsync(path + separator + "handler=zzz",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
