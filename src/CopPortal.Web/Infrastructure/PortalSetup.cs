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
        var portal = PortalOptions.From(builder.Configuration);
        Directory.CreateDirectory(portal.DataDirectory);
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
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(portal.DataDirectory, "keys")))
            .SetApplicationName("CopPortal");

        // Role removals take effect within a minute for people already signed in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
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

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.NetworkStaff, p => p.RequireRole(NetworkRoles.NetworkStaff))
            .AddPolicy(Policies.CouncilOrStaff, p => p.RequireRole(NetworkRoles.CouncilMember, NetworkRoles.NetworkStaff));
        services.AddScoped<IAuthorizationHandler, CommunityAuthorizationHandler>();

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Staff", Policies.NetworkStaff);
                o.Conventions.AuthorizeFolder("/My");
                o.Conventions.AuthorizeFolder("/Council", Policies.CouncilOrStaff);
            })
            .AddMvcOptions(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
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

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddCopPortalFeatures();
        return builder;
    }

    public static WebApplication UseCopPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
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
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapRazorPages();
        if (app.Configuration.GetValue<bool>("Benchmark:FloorPage"))
        {
            // The benchmark's allocation probe: bytes allocated and collections so far, read before and after a run.
            app.MapGet("/bench/gc", () => Results.Text(FormattableString.Invariant(
                $"allocated={GC.GetTotalAllocatedBytes()} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}")));
        }
        return app;
    }
}
