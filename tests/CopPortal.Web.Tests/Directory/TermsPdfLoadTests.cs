using System.Net;
using CopPortal.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopPortal.Web.Tests.Directory;

/// <summary>
/// The anonymous ToR PDF cannot be used to exhaust the server: PDFs are cached by what they show, identical
/// requests share a render, and renders beyond the slots and the queue are refused with 503 and Retry-After.
/// </summary>
public sealed class TermsPdfLoadTests : IDisposable
{
    private const string Url = "/communities/" + DirectoryTestData.Practitioners + "/terms.pdf";
    private const string OtherUrl = "/communities/" + DirectoryTestData.Students + "/terms.pdf";
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task The_same_terms_version_renders_once_and_a_new_version_renders_anew()
    {
        CountingRenderer? counter = null;
        using var portal = WithRenderer(sp => counter = new CountingRenderer(sp.GetRequiredService<ChromiumPdfRenderer>()), real: true);
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await client.GetAsync(Url);
        var second = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("application/pdf", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, counter!.Count);

        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, t => t.Purpose = "A purpose agreed at the second review.");
        var third = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await third.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task Parallel_requests_for_one_uncached_pdf_share_one_render()
    {
        // One slot and no queue: sixteen separate renders would mean fifteen refusals.
        _portal.Settings["Pdf:MaxConcurrentRenders"] = "1";
        _portal.Settings["Pdf:MaxQueuedRenders"] = "0";
        var renderer = new GatedRenderer();
        using var portal = WithRenderer(_ => renderer);
        var client = portal.CreateClient();
        var requests = Enumerable.Range(0, 16).Select(_ => client.GetAsync(Url)).ToList();
        var pdfs = portal.Services.GetRequiredService<PdfService>();
        await renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // All sixteen are waiting on the held render before it finishes, so none can be served from the cache.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pdfs.Waiting < 16 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(16, pdfs.Waiting);
        renderer.Release();

        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, renderer.Count);
    }

    [Fact]
    public async Task With_every_slot_and_queue_place_taken_a_request_gets_503_with_retry_after()
    {
        _portal.Settings["Pdf:MaxConcurrentRenders"] = "1";
        _portal.Settings["Pdf:MaxQueuedRenders"] = "0";
        _portal.Settings["Pdf:RetryAfterSeconds"] = "7";
        var renderer = new GatedRenderer();
        using var portal = WithRenderer(_ => renderer);
        var client = portal.CreateClient();

        var held = client.GetAsync(Url);
        await renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await client.GetAsync(OtherUrl);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        var page = await Html.ParseAsync(refused);
        Assert.StartsWith("Sorry, the service is busy", page.Title, StringComparison.Ordinal);
        Assert.Contains("Wait a few seconds, then try again", page.MainText(), StringComparison.Ordinal);

        // Once the held render finishes, the slot is free again and nothing was left queued.
        renderer.Release();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OtherUrl)).StatusCode);
        Assert.Equal(2, renderer.Count);
    }

    private WebApplicationFactory<Program> WithRenderer(Func<IServiceProvider, IPdfRenderer> renderer, bool real = false) =>
        _portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPdfRenderer>();
            if (real)
            {
                services.AddSingleton<ChromiumPdfRenderer>();
            }
            services.AddSingleton(renderer);
        }));

    public void Dispose() => _portal.Dispose();

    /// <summary>The real renderer, counting how often it is asked.</summary>
    private sealed class CountingRenderer(IPdfRenderer inner) : IPdfRenderer
    {
        private int _count;

        public int Count => _count;
        public bool IsAvailable => inner.IsAvailable;

        public Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return inner.RenderAsync(html, cancellationToken);
        }
    }

    /// <summary>A renderer whose work blocks until the test releases it, so "busy" is deterministic.</summary>
    private sealed class GatedRenderer : IPdfRenderer
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Count => _count;
        public bool IsAvailable => true;

        public void Release() => _gate.TrySetResult();

        public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            Entered.TrySetResult();
            await _gate.Task;
            return "%PDF-1.7 test"u8.ToArray();
        }
    }
}
