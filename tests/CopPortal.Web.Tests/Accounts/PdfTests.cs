using System.Diagnostics;
using CopPortal.Web.Infrastructure.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Accounts;

public sealed class PdfTests
{
    [Fact]
    public async Task Simple_html_renders_to_a_pdf_that_contains_the_text()
    {
        using var portal = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        var renderer = portal.Services.GetRequiredService<IPdfRenderer>();
        Assert.True(renderer.IsAvailable);

        var pdf = await renderer.RenderAsync("<!DOCTYPE html><html lang=\"en-GB\"><head><title>Minutes</title></head><body><h1>Meeting minutes</h1><p>Actions agreed: 3 – café £5</p></body></html>", default);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var file = Path.Combine(portal.DataDirectory, "test.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var start = new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Meeting minutes", text, StringComparison.Ordinal);
        Assert.Contains("Actions agreed: 3 – café £5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderer_is_unavailable_when_chromium_is_missing()
    {
        using var portal = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        portal.Settings["Pdf:ChromiumPath"] = "/nonexistent/chromium";
        var renderer = portal.Services.GetRequiredService<IPdfRenderer>();
        Assert.False(renderer.IsAvailable);
    }
}
