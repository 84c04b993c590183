using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace CopPortal.Web.Infrastructure.Pdf;

/// <summary>Every render slot is taken and the wait queue is full; the caller answers 503 with Retry-After.</summary>
public sealed class PdfBusyException() : Exception("Too many PDFs are being made at the moment.");

/// <summary>
/// Stands between pages and the browser so that PDFs cannot exhaust the server:
/// <list type="bullet">
/// <item>A PDF is cached by what it shows: the key is a hash of the print view's HTML, so a new ToR version, a
/// renamed community or a different network name is a new key, and nothing needs invalidating.</item>
/// <item>Identical requests in flight share one render (a cold cache under a burst renders once).</item>
/// <item>At most <see cref="PdfOptions.MaxConcurrentRenders"/> renders run at once (each is a Chromium renderer
/// process); up to <see cref="PdfOptions.MaxQueuedRenders"/> more wait; beyond that the request is refused.</item>
/// </list>
/// The cache is in memory with a byte limit rather than on disk: the PDFs are small (tens of KB), cheap to
/// remake after a restart, hold only public print views, and memory needs no clean-up of old versions.
/// </summary>
public sealed class PdfService : IDisposable
{
    private readonly IPdfRenderer _renderer;
    private readonly PdfOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private int _admitted;
    private int _waiting;

    private readonly Operations.PortalMetrics? _metrics;

    public PdfService(IPdfRenderer renderer, PdfOptions options, Operations.PortalMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(options);
        _renderer = renderer;
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRenders));
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.CacheSizeMegabytes) * 1024L * 1024L });
    }

    public bool IsAvailable => _renderer.IsAvailable;

    /// <summary>Requests waiting for a PDF being made, shared renders counted once per request.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, _options.RetryAfterSeconds));

    /// <summary>The PDF of <paramref name="html"/>, from the cache or rendered. Throws <see cref="PdfBusyException"/> when full.</summary>
    public async Task<byte[]> GetAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }
        var render = _inFlight.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => RenderAndCacheAsync(k, html)));
        Interlocked.Increment(ref _waiting);
        try
        {
            // One visitor giving up does not cancel the shared render that others may be waiting for.
            return await render.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task<byte[]> RenderAndCacheAsync(string key, string html)
    {
        try
        {
            if (Interlocked.Increment(ref _admitted) > Math.Max(1, _options.MaxConcurrentRenders) + Math.Max(0, _options.MaxQueuedRenders))
            {
                Interlocked.Decrement(ref _admitted);
                throw new PdfBusyException();
            }
            try
            {
                await _slots.WaitAsync();
                try
                {
                    // The slot is held until the browser has really finished (Playwright's own 30 s timeouts bound a
                    // hung page), so the number of renderer processes never exceeds the limit.
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    byte[] pdf;
                    try
                    {
                        pdf = await _renderer.RenderAsync(html, CancellationToken.None);
                    }
                    catch
                    {
                        _metrics?.PdfRendered(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: false);
                        throw;
                    }
                    _metrics?.PdfRendered(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: true);
                    _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromDays(1) });
                    return pdf;
                }
                finally
                {
                    _slots.Release();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _admitted);
            }
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _cache.Dispose();
    }
}
