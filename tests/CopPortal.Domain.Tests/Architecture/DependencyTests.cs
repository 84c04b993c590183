using System.Text.Json;

namespace CopPortal.Domain.Tests.Architecture;

/// <summary>Domain rules are tested without the web app, so a domain test cannot lean on a page or the web host.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Domain_tests_do_not_depend_on_the_web_app()
    {
        // The build writes every project and package this assembly depends on, directly or not, into its deps file.
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(DependencyTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.Contains("CopPortal.Domain", libraries);
        Assert.DoesNotContain("CopPortal.Web", libraries);
        Assert.DoesNotContain("CopPortal.TestSupport", libraries);
    }
}
