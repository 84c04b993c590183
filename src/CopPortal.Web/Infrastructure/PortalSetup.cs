using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using CopPortal.Web.Infrastructure.Operations;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CopPortal.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so tests and tools share them.</summary>
public static class PortalSetup
{
    // Without a listener (and with the hosting logger off) ASP.NET Core would not start the request's Activity.
    private static int s_listening;

    private static readonly System.Diagnostics.ActivityListener RequestActivityListener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.PropagationData,
    };

    public static WebApplicationBuilder AddCopPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Secrets from files (e.g. Docker/compose secrets in /run/secrets): each file's name is a key, "__" for
        // ":" (ConnectionStrings__Postgres, Mail__SmtpPassword), its content the value. Read after, so over, the rest.
        if (builder.Configuration["SecretsDirectory"] is { Length: > 0 } secrets && Directory.Exists(secrets))
        {
            builder.Configuration.AddKeyPerFile(secrets, optional: true);
        }
        // On SIGTERM, hosted services (the email dispatcher) get this long to finish what they are doing; the
        // container's stop grace period must be longer (docker-compose.yml: 60 s).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 45)));
        // A real deployment (not Development, not the test suite, not --demo) must say where it is published.
        var environment = builder.Environment;
        var localRun = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        var portal = PortalOptions.From(builder.Configuration, requirePublicBaseUrl: !localRun && !builder.Configuration.GetValue<bool>("Demo"));
        Directory.CreateDirectory(portal.DataDirectory);
        if (!localRun && portal.PublicBaseUrlConfigured && string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            // Only the public host name (and loopback, for a health check from inside the container) is served.
            var hosts = new[] { new Uri(portal.PublicBaseUrl).Host, "localhost", "127.0.0.1", "[::1]" };
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.Configure<ForwardedHeadersOptions>(ProxySettings.Read(builder.Configuration).Apply);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton(portal);
        services.AddSingleton(TimeProvider.System);
        services.AddFormValidators();

        if (ConsoleOutput.IsPlainText(builder.Configuration, environment))
        {
            // Someone is reading this console (Development or --demo): one plain line per entry.
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            // UTC with its offset written out ("+00:00"): the clock of the machine is never guessed from a literal Z.
            // Scopes carry the request's TraceId (the reference the error page shows) and SpanId.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz";
                o.IncludeScopes = true;
            });
        }
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The hosting layer's own request scope copies the raw path (RequestPath) into every line of the request,
        // and paths carry secret tokens (calendar feeds, guest and unsubscribe links); the access log gives the route
        // pattern instead. Turning that logger off drops the scope; the listener keeps the request's Activity, so
        // TraceId and SpanId stay in every line.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (Interlocked.Exchange(ref s_listening, 1) == 0)
        {
            System.Diagnostics.ActivitySource.AddActivityListener(RequestActivityListener);
        }
        builder.AddPortalTelemetry();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        // Any registered interceptors are applied (tests register one to count SQL commands per page).
        // Options are built once and shared (singleton) unless a test registers interceptors; building them
        // per request was a measurable share of every page's cost.
        services.AddDbContext<CopDbContext>(
            (sp, o) => o.UseCopPortalDatabase(portal.DatabaseProvider, portal.ConnectionString)
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()),
            ServiceLifetime.Scoped,
            ServiceLifetime.Singleton);

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // NCSC: length over composition rules; block only the weakest passwords.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<CopDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddPasswordValidator<PasswordStrengthValidator>();
        // One account per mailbox: "a@x.nhs.uk." and "A@x.nhs.uk" look up the same account.
        services.AddScoped<ILookupNormalizer, CopPortal.Web.Accounts.EmailLookupNormalizer>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        KeyProtection.Configure(services.AddDataProtection(), builder.Configuration);

        // Role removals take effect within a minute for people already signed in (the full check rebuilds the
        // sign-in and re-issues the cookie, so it is not done on every request). Sign-out, a password change or
        // reset, which all change the security stamp, take effect at once: see SecurityStampCheck.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<SignInGuard>();
        services.AddPortalRateLimits(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            SecurityStampCheck.Install(o.Events);
            o.LoginPath = PortalPaths.SignIn;
            o.LogoutPath = PortalPaths.SignOut;
            o.AccessDeniedPath = PortalPaths.AccessDenied;
            o.Cookie.Name = "copportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The default challenge redirects to an absolute address built from the request's Host header; a
            // forged header (where no host filter stands in front, as in a local run) would send the browser
            // elsewhere. The path alone keeps it on the host the browser asked for.
            o.Events.OnRedirectToLogin = RedirectWithinPortal;
            o.Events.OnRedirectToAccessDenied = RedirectWithinPortal;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "copportal.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The third and last cookie: one-time messages between pages. Named so the privacy page can list it.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "copportal.msg";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.NetworkStaff, p => p.RequireRole(NetworkRoles.NetworkStaff))
            .AddPolicy(Policies.CouncilOrStaff, p => p.RequireRole(NetworkRoles.CouncilMember, NetworkRoles.NetworkStaff));
        services.AddScoped<CommunityRoleLookup>();
        services.AddScoped<IAuthorizationHandler, CommunityAuthorizationHandler>();

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Staff", Policies.NetworkStaff);
                o.Conventions.AuthorizeFolder("/My");
                o.Conventions.AuthorizeFolder("/Council", Policies.CouncilOrStaff);
            })
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<UnknownHandlerFilter>();
                // After the unknown-handler check: the community area's gate (Infrastructure/Communities).
                o.Filters.Add<CopPortal.Web.Infrastructure.Communities.CommunityPageFilter>();
            });
        services.AddRouting(o =>
        {
            o.LowercaseUrls = true;
            o.LowercaseQueryStrings = false;
        });

        services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        services.Configure<CopPortal.Domain.Privacy.RetentionOptions>(builder.Configuration.GetSection("Retention"));
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxProcessor>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IMailTransport>(sp => new CountingMailTransport(
            builder.Configuration.GetValue<MailTransportKind?>("Mail:Transport") == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpTransport>()
                : sp.GetRequiredService<PickupFolderTransport>(),
            sp.GetRequiredService<PortalMetrics>()));
        // Names this process in outbox leases and job runs, so several instances can share one database.
        services.AddSingleton(PortalInstance.ForThisProcess());
        services.Configure<CopPortal.Web.Infrastructure.Scheduling.JobOptions>(builder.Configuration.GetSection("Jobs"));
        services.AddSingleton<CopPortal.Web.Infrastructure.Scheduling.JobScheduler>();
        if (builder.Configuration.GetValue("Mail:DispatcherEnabled", true))
        {
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService<CopPortal.Web.Infrastructure.Scheduling.JobSchedulerService>();
            services.AddHostedService<CopPortal.Web.Infrastructure.Meetings.MeetingInvitationWorker>();
        }

        var pdf = new PdfOptions();
        builder.Configuration.GetSection("Pdf").Bind(pdf);
        services.AddSingleton(pdf);
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        services.AddSingleton<PdfService>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        services.AddCopPortalFeatures();
        return builder;
    }

    public static WebApplication UseCopPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First, so the scheme and client address are the proxy's report (from trusted proxies only) for everything after.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseAccessLog();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAccessLogRoute();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalRateLimits();
        // Live: the process answers (no database), for restarts. Ready: the database reads and writes, for traffic.
        // /health is the ready check, as before.
        app.MapHealthChecks("/health/live", HealthOptions(_ => false));
        app.MapHealthChecks("/health/ready", HealthOptions(r => r.Tags.Contains(ReadyTag)));
        app.MapHealthChecks("/health", HealthOptions(r => r.Tags.Contains(ReadyTag)));
        app.MapRazorPages();
        if (app.Configuration.GetValue<bool>("Benchmark:FloorPage"))
        {
            // The benchmark's allocation probe: bytes allocated and collections so far, read before and after a run.
            app.MapGet("/bench/gc", () => Results.Text(FormattableString.Invariant(
                $"allocated={GC.GetTotalAllocatedBytes()} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}")));
        }
        return app;
    }

    private const string ReadyTag = "ready";

    private static HealthCheckOptions HealthOptions(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task RedirectWithinPortal(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}
