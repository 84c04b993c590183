using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// What the sign-in page needs so that its answer, and the time it takes, say nothing about whether an address
/// has an account, and so that nobody can lock someone else out by guessing at their address.
/// <para>
/// Failed passwords are counted per (address, client), not per account: five wrong passwords from one client
/// pause sign-in for that address from that client only, so an attacker hammering a known address (say the
/// network team's) pauses themselves, while its owner still signs in from their own device. Guessing spread
/// over many clients is bounded by the per-address rate limit instead. Missing addresses are counted exactly
/// like real ones, so the pause reveals nothing either. A password reset (which changes the security stamp)
/// lifts the pause. Counts are kept in memory, like the rate limiter's, so they are per server instance.
/// </para>
/// </summary>
public sealed class SignInGuard : IDisposable
{
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly TimeProvider _clock;
    private readonly int _maxFailures;
    private readonly TimeSpan _pause;
    private readonly Lock _hashLock = new();
    private string? _dummyHash;

    public SignInGuard(TimeProvider clock, IOptions<IdentityOptions> identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _clock = clock;
        _maxFailures = identity.Value.Lockout.MaxFailedAccessAttempts;
        _pause = identity.Value.Lockout.DefaultLockoutTimeSpan;
    }

    public TimeSpan Pause => _pause;

    private sealed class Failures
    {
        public int Count { get; set; }
        public DateTimeOffset FirstAt { get; set; }
        public DateTimeOffset? PausedUntil { get; set; }
        public string? Stamp { get; set; }
    }

    private static string Key(string normalisedEmail, string client) => normalisedEmail + "\n" + client;

    /// <summary>True while sign-in for this address from this client is paused. <paramref name="stamp"/> is the account's security stamp, or null for no account.</summary>
    public bool IsPaused(string normalisedEmail, string client, string? stamp)
    {
        if (!_failures.TryGetValue(Key(normalisedEmail, client), out Failures? entry) || entry is null)
        {
            return false;
        }
        lock (entry)
        {
            if (entry.Stamp != stamp)
            {
                // The password was reset since these failures: they were guesses at the old one.
                _failures.Remove(Key(normalisedEmail, client));
                return false;
            }
            return entry.PausedUntil > _clock.GetUtcNow();
        }
    }

    /// <summary>Counts a wrong password; returns true when this failure starts a pause.</summary>
    public bool RecordFailure(string normalisedEmail, string client, string? stamp)
    {
        var now = _clock.GetUtcNow();
        var entry = _failures.GetOrCreate(Key(normalisedEmail, client), e =>
        {
            e.Size = 1;
            e.SlidingExpiration = _pause + _pause;
            return new Failures { FirstAt = now, Stamp = stamp };
        })!;
        lock (entry)
        {
            // Failures older than the pause no longer count, so a few slips a day never add up to a pause.
            if (entry.Stamp != stamp || now - entry.FirstAt > _pause)
            {
                entry.Count = 0;
                entry.FirstAt = now;
                entry.Stamp = stamp;
            }
            entry.Count++;
            if (entry.Count < _maxFailures)
            {
                return false;
            }
            entry.Count = 0;
            entry.FirstAt = now;
            entry.PausedUntil = now + _pause;
            return true;
        }
    }

    public void RecordSuccess(string normalisedEmail, string client) => _failures.Remove(Key(normalisedEmail, client));

    /// <summary>
    /// Checks a password against a fixed hash made with the same hasher, for an address with no account (or no
    /// password yet), so that answer takes as long as checking a real account's password. Always false.
    /// </summary>
    public bool VerifyAgainstDummyHash(IPasswordHasher<PortalUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var placeholder = new PortalUser();
        lock (_hashLock)
        {
            _dummyHash ??= hasher.HashPassword(placeholder, Guid.NewGuid().ToString("N"));
        }
        hasher.VerifyHashedPassword(placeholder, _dummyHash, password);
        return false;
    }

    public void Dispose() => _failures.Dispose();
}
