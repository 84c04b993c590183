using System.Text.RegularExpressions;
using CopPortal.Domain.Messaging;

namespace CopPortal.Web.Tests.Accounts;

internal static partial class AccountTestData
{
    public const string NewPassword = "kettle orchard lantern";

    /// <summary>The path and query of the first absolute link in an email that points at <paramref name="path"/>.</summary>
    public static string LinkIn(OutboxMessage message, string path)
    {
        var link = Links().Matches(message.TextBody).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal));
        Assert.True(link is not null, $"No absolute link to {path} in:\n{message.TextBody}");
        Assert.Equal("http://localhost", link!.GetLeftPart(UriPartial.Authority));
        return link.PathAndQuery;
    }

    /// <summary>The redirect target as path and query, whether the app sent it relative or absolute.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
