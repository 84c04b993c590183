using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Zxcvbn.Matcher;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// NCSC advice: refuse passwords that are easy to guess rather than demand symbols and digits. zxcvbn estimates
/// how many guesses a password needs, knowing tens of thousands of common passwords, words and names, keyboard
/// patterns, sequences, repeats and dates; anything below <see cref="MinimumScore"/> is refused with the reasons.
/// </summary>
public sealed class PasswordStrengthValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "WeakPassword";

    /// <summary>zxcvbn's 0-4 scale; 3 means "safely unguessable" against an online attack and slowed offline guessing.</summary>
    public const int MinimumScore = 3;

    // One estimator, built once: the static MatchPassword reloads its word lists on every call (~45 ms against
    // ~4 ms). The library does not promise thread safety, and passwords are set rarely, so callers take turns.
    private static readonly Zxcvbn.Zxcvbn Estimator = new();
    private static readonly Lock EstimatorLock = new();

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        // Too short or too few different characters already has its own, clearer message.
        var rules = manager.Options.Password;
        if (password is null || password.Length < rules.RequiredLength || password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var personal = PersonalWords(user);
        var lowered = password.ToLowerInvariant();
        if (personal.Any(w => w.Length > 3 && lowered.Contains(w, StringComparison.Ordinal)))
        {
            return Task.FromResult(Failed("Password must not contain your name or email address. Try 3 random words instead"));
        }

        Zxcvbn.Result result;
        lock (EstimatorLock)
        {
            result = Estimator.EvaluatePassword(password, personal);
        }
        return Task.FromResult(result.Score >= MinimumScore ? IdentityResult.Success : Failed(Explain(result)));
    }

    /// <summary>Names the kinds of weakness found, so the person knows what to avoid, without repeating the password on screen.</summary>
    internal static string Explain(Zxcvbn.Result result)
    {
        var reasons = new List<string>();
        foreach (var match in result.MatchSequence)
        {
            var reason = match switch
            {
                // A single character (often a trailing "!") found in a word list tells the person nothing.
                DictionaryMatch when match.Token.Length < 2 => null,
                DictionaryMatch { DictionaryName: "passwords" } => "a common password",
                DictionaryMatch { DictionaryName: "user_inputs" } => "your name or email address",
                DictionaryMatch => "a common word or name",
                // This zxcvbn predates 2020, so it reads recent years as number-pad patterns.
                SpatialMatch when match.Token.All(char.IsAsciiDigit) => "a date or a number",
                SpatialMatch => "a keyboard pattern like qwerty",
                SequenceMatch => "a sequence like 1234 or abcd",
                RepeatMatch => "repeated characters",
                DateMatch => "a date or year",
                _ when match.Pattern is "digits" or "year" => "a date or a number",
                _ => null,
            };
            if (reason is not null && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }
        var why = reasons.Count switch
        {
            0 => "it is too short for its mix of characters",
            1 => "it uses " + reasons[0],
            _ => "it uses " + string.Join(", ", reasons.Take(reasons.Count - 1)) + " and " + reasons[^1],
        };
        return $"Password is too easy to guess because {why}. Try 3 random words, or add more words that are not a well-known phrase";
    }

    private static IdentityResult Failed(string description) =>
        IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = description });

    private static string[] PersonalWords(PortalUser user)
    {
        var words = new List<string>();
        if (user.Email is { } email)
        {
            var local = email.Split('@')[0].ToLowerInvariant();
            words.Add(local);
            words.AddRange(local.Split('.', '_', '-', '+').Where(p => p.Length > 0));
        }
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            words.AddRange(user.DisplayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return words.Distinct().ToArray();
    }
}
