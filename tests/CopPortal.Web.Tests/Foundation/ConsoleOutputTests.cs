using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>The console: plain lines and a banner when someone runs the portal locally, JSON for a deployment.</summary>
public sealed class ConsoleOutputTests
{
    [Theory]
    [InlineData("Development", null, null, true)]
    [InlineData("Production", "true", null, true)]
    [InlineData("Production", null, null, false)]
    [InlineData("Staging", "false", null, false)]
    [InlineData("Development", null, "json", false)]
    [InlineData("Production", null, "simple", true)]
    public void Logs_are_plain_text_when_run_locally_and_json_when_deployed(string environment, string? demo, string? formatter, bool plain)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo"] = demo,
            ["Logging:Console:FormatterName"] = formatter,
        }).Build();
        Assert.Equal(plain, ConsoleOutput.IsPlainText(configuration, new Environment(environment)));
    }

    [Fact]
    public void Banner_gives_the_address_and_with_demo_data_every_account_and_the_password()
    {
        var banner = ConsoleOutput.Banner(["http://[::]:5080"], demo: true, "PPN Midlands");
        Assert.Contains("Open http://localhost:5080 in your browser.", banner, StringComparison.Ordinal);
        Assert.Contains(DemoData.Password, banner, StringComparison.Ordinal);
        foreach (var email in new[] { DemoData.StaffEmail, DemoData.CouncilEmail, DemoData.ChairEmail, DemoData.SecretaryEmail, DemoData.MemberEmail })
        {
            Assert.Contains(email, banner, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{", banner, StringComparison.Ordinal);

        var withoutDemo = ConsoleOutput.Banner(["http://localhost:5080"], demo: false, "PPN Midlands");
        Assert.Contains("http://localhost:5080", withoutDemo, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Password, withoutDemo, StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CopPortal.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
