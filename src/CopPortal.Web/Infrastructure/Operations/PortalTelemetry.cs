using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CopPortal.Web.Infrastructure.Operations;

/// <summary>
/// OpenTelemetry: traces and metrics exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard
/// OTEL_* variables — protocol, headers, service name — configure the exporter); nothing is collected or sent
/// otherwise. The portal's own meter (<see cref="PortalMetrics"/>) is always there for local tools.
/// </summary>
public static class PortalTelemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<PortalMetrics>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "copportal"))
            .WithTracing(t => t
                // Health probes every few seconds would drown real requests.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(PortalMetrics.MeterName)
                .AddOtlpExporter());
        return builder;
    }
}
