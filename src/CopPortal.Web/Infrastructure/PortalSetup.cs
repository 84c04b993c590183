using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
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
    public static WebApplicationBuilder AddCopPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
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

        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");

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
        KeyProtection.Configure(services.AddDataProtection(), builder.Configuration, Path.Combine(portal.DataDirectory, "keys"));

        // Role removals take effect within a minute for people already signed in (the full check rebuilds the
        // sign-in and re-issues the cookie, so it is not done on every request). Sign-out, a password change or
        // reset, which all change the security stamp, take effect at once: see SecurityStampCheck.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<SignInGuard>();
        services.AddPortalRateLimits(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            SecurityStampCheck.Install(o.Events);
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "copportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
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
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            builder.Configuration.GetValue<MailTransportKind?>("Mail:Transport") == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpTransport>()
                : sp.GetRequiredService<PickupFolderTransport>());
        if (builder.Configuration.GetValue("Mail:DispatcherEnabled", true))
        {
            services.AddHostedService<OutboxDispatcher>();
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
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
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
}
