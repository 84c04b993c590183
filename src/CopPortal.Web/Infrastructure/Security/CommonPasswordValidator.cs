using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>NCSC advice: refuse the most common passwords rather than demand symbols and digits.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "letmeinletmein", "iloveyou1234",
        "welcome12345", "administrator", "nhspassword1", "password12345", "abcdefghijkl", "111111111111",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var lowered = password.ToLowerInvariant();
        if (Common.Contains(lowered) || (user.Email is not null && lowered.Contains(user.Email.Split('@')[0].ToLowerInvariant(), StringComparison.Ordinal) && user.Email.Split('@')[0].Length > 3))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Choose a password that is harder to guess: avoid common passwords and your own name or email address",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
