using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>The forms whose POSTs are rate limited; each has its own limits.</summary>
public enum RateLimitScope
{
    SignIn,
    Register,
    PasswordReset,
    ResendConfirmation,
    Proposal,
    JoinRequest,
}

/// <summary>Marks a page whose POSTs count against a <see cref="RateLimitScope"/>'s limits. GETs are never limited.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitPostsAttribute(RateLimitScope scope) : Attribute
{
    public RateLimitScope Scope { get; } = scope;
}

/// <summary>
/// Limits per minute from the "RateLimits" configuration section, e.g. RateLimits:SignInPerClientPerMinute.
/// "Client" is the remote IP address; "address" is the email address typed into the form (normalised), or the
/// signed-in person for forms that need a sign-in, or the account a reset link is for.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Defaults: (per client, per address). Per address is larger than per client for sign-in, so one client hammering an address runs out first and the owner can still sign in from elsewhere.</summary>
    public static readonly IReadOnlyDictionary<RateLimitScope, (int PerClient, int PerAddress)> Defaults = new Dictionary<RateLimitScope, (int, int)>
    {
        [RateLimitScope.SignIn] = (10, 20),
        [RateLimitScope.Register] = (10, 3),
        [RateLimitScope.PasswordReset] = (10, 5),
        [RateLimitScope.ResendConfirmation] = (10, 3),
        [RateLimitScope.Proposal] = (10, 5),
        [RateLimitScope.JoinRequest] = (20, 10),
    };

    private readonly Dictionary<RateLimitScope, (int PerClient, int PerAddress)> _limits = [];

    public static RateLimitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("RateLimits");
        var settings = new RateLimitSettings();
        foreach (var (scope, (perClient, perAddress)) in Defaults)
        {
            settings._limits[scope] = (
                Positive(section, $"{scope}PerClientPerMinute", perClient),
                Positive(section, $"{scope}PerAddressPerMinute", perAddress));
        }
        return settings;
    }

    public int PerClient(RateLimitScope scope) => _limits[scope].PerClient;

    public int PerAddress(RateLimitScope scope) => _limits[scope].PerAddress;

    private static int Positive(IConfiguration section, string key, int fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"RateLimits:{key} must be a whole number above 0 (it is {value})");
    }
}

public static class PortalRateLimits
{
    /// <summary>Set on a refused request for the 429 page: how long until the client may try again.</summary>
    public const string RetryAfterItem = "CopPortal.RetryAfter";

    private const string AddressItem = "CopPortal.RateLimitAddress";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RateLimitSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddRateLimiter(o =>
        {
            // Per client first: when one client is refused, the address's allowance is not spent, so the address's
            // owner elsewhere is not shut out by someone else's hammering.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, perClient: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, perClient: false)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.Items[RetryAfterItem] = seconds;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalRateLimits))
                    .LogWarning("Rate limit reached for {Scope} from {Client}", ScopeOf(context), ClientAddress.Of(context));
                // The status code pages middleware shows the friendly 429 page.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Works out a limited POST's address before the limiter runs, since the limiter cannot wait to read the form.
    /// The form is kept for the page, so it is read only once. Goes after authentication and routing.
    /// </summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (ScopeOf(context) is not null)
            {
                context.Items[AddressItem] = await AddressOfAsync(context);
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitScope? ScopeOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<RateLimitPostsAttribute>()?.Scope : null;

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings, bool perClient)
    {
        if (ScopeOf(context) is not { } scope)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var who = perClient ? ClientAddress.Of(context) : context.Items[AddressItem] as string;
        if (who is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var limit = perClient ? settings.PerClient(scope) : settings.PerAddress(scope);
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{scope}|{(perClient ? "client" : "address")}|{who}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true });
    }

    /// <summary>The signed-in person, else the email address in the form (normalised as Identity does), else the account a reset link names.</summary>
    private static async Task<string?> AddressOfAsync(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return "user:" + userId;
        }
        if (!context.Request.HasFormContentType)
        {
            return null;
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A malformed or oversized form: the page's own model binding answers it with a 400.
            return null;
        }
        var email = form["Input.Email"].ToString().Trim();
        if (email.Length > 0)
        {
            return "email:" + context.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
        }
        var accountId = form["UserId"].ToString();
        return accountId.Length > 0 ? "account:" + accountId : null;
    }
}
