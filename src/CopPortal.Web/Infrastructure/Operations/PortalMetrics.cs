using System.Diagnostics.Metrics;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Operations;

/// <summary>
/// The portal's own measurements, on the meter "CopPortal" (exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
/// is set; any MeterListener, e.g. dotnet-counters, can read them too).
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "CopPortal";
    private readonly Meter _meter;
    private readonly Counter<long> _sendFailures;
    private readonly Counter<long> _pdfRenders;
    private readonly Histogram<double> _pdfRenderDuration;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes, ILogger<PortalMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _sendFailures = _meter.CreateCounter<long>("copportal.mail.send_failures", "{attempt}", "Email delivery attempts that failed (each retry counts).");
        _pdfRenders = _meter.CreateCounter<long>("copportal.pdf.renders", "{render}", "PDFs rendered by Chromium (cache hits not counted), by outcome.");
        _pdfRenderDuration = _meter.CreateHistogram<double>("copportal.pdf.render.duration", "s", "Time to render one PDF.");
        // Read when a collector asks (every export interval), not per request: one indexed count.
        _meter.CreateObservableGauge("copportal.outbox.depth", () => OutboxDepth(scopes, logger), "{message}", "Emails waiting to be sent (Pending).");
    }

    public void SendFailed() => _sendFailures.Add(1);

    public void PdfRendered(TimeSpan duration, bool succeeded)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure");
        _pdfRenders.Add(1, outcome);
        _pdfRenderDuration.Record(duration.TotalSeconds, outcome);
    }

    private static IEnumerable<Measurement<long>> OutboxDepth(IServiceScopeFactory scopes, ILogger logger)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CopDbContext>();
            return [new Measurement<long>(db.OutboxMessages.LongCount(m => m.Status == OutboxStatus.Pending))];
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            // A database that does not answer gives no reading rather than a failed export.
            logger.LogWarning("Outbox depth could not be read: {Error}", ex.Message);
            return [];
        }
    }

    public void Dispose() => _meter.Dispose();
}
