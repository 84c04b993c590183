using Microsoft.Playwright;

namespace CopPortal.Web.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Renders running at once; each is a Chromium renderer process and a CPU core's worth of work.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>Renders that may wait for a free slot; one more is answered 503 with Retry-After.</summary>
    public int MaxQueuedRenders { get; set; } = 8;

    /// <summary>The Retry-After sent with a 503 when the queue is full.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Upper bound on the memory the PDF cache holds; the cache drops entries to stay under it.</summary>
    public int CacheSizeMegabytes { get; set; } = 64;
}

/// <summary>
/// The browser could not be started (not installed, not executable by the portal's user, Playwright's driver
/// missing or not runnable, …): pages offer the printable view instead of failing.
/// </summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Renders HTML to a tagged A4 PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>False when no browser is installed; pages then offer the print view instead.</summary>
    bool IsAvailable { get; }

    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken);
}

/// <summary>
/// One headless Chromium, started on first use and shared by all requests (a cold start costs about a
/// second; a warm page about 170 ms). Each render gets its own browser context.
/// </summary>
public sealed class ChromiumPdfRenderer(PdfOptions options, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer, IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DateTimeOffset _retryStartAfter = DateTimeOffset.MinValue;

    /// <summary>After a failed start, requests get the printable page at once for this long, then a start is tried again.</summary>
    public static readonly TimeSpan StartRetryDelay = TimeSpan.FromMinutes(1);

    public bool IsAvailable => File.Exists(options.ChromiumPath);

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            throw new PdfUnavailableException($"Chromium was not found at {options.ChromiumPath}.");
        }
        var browser = await GetBrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        // The print view is self-contained (inline styles); nothing else may load, so a PDF never reaches out.
        await page.RouteAsync("**/*", route => route.AbortAsync());
        cancellationToken.ThrowIfCancellationRequested();
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var pdf = await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            Tagged = true,
            Outline = true,
            PrintBackground = true,
            Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
        });
        var (title, language) = PdfXmpMetadata.Describe(html);
        return PdfXmpMetadata.Add(pdf, title, language);
    }

    private async Task<IBrowser> GetBrowserAsync()
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }
        await _startLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            if (DateTimeOffset.UtcNow < _retryStartAfter)
            {
                throw new PdfUnavailableException("Chromium could not be started a moment ago.");
            }
            try
            {
                // Playwright runs its bundled Node.js driver, which then starts Chromium: either can fail (a file
                // the portal's user may not execute, a missing library, a browser that exits at once).
                _playwright ??= await Playwright.CreateAsync();
                logger.LogInformation("Starting Chromium for PDFs from {Path}", options.ChromiumPath);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = options.ChromiumPath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
                return _browser;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _retryStartAfter = DateTimeOffset.UtcNow + StartRetryDelay;
                _playwright?.Dispose();
                _playwright = null;
                logger.LogError(ex, "Chromium for PDFs could not be started from {Path}; the printable page is offered instead", options.ChromiumPath);
                throw new PdfUnavailableException("Chromium could not be started.", ex);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _startLock.Dispose();
    }
}
