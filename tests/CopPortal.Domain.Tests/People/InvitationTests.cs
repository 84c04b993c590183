using CopPortal.Domain.People;

namespace CopPortal.Domain.Tests.People;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private static Invitation Open() => new() { CreatedAt = Created, ExpiresAt = Created.AddDays(14) };

    [Fact]
    public void Is_open_until_the_moment_it_expires()
    {
        var invitation = Open();
        Assert.Equal(InvitationState.Open, invitation.StateAt(Created));
        Assert.Equal(InvitationState.Open, invitation.StateAt(invitation.ExpiresAt.AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(invitation.ExpiresAt));
    }

    [Fact]
    public void Used_wins_over_expired_and_revoked_wins_over_everything()
    {
        var invitation = Open();
        invitation.UsedAt = Created.AddDays(1);
        Assert.Equal(InvitationState.Used, invitation.StateAt(Created.AddDays(30)));
        invitation.RevokedAt = Created.AddDays(2);
        Assert.Equal(InvitationState.Revoked, invitation.StateAt(Created.AddDays(3)));
    }

    [Fact]
    public void Tokens_are_url_safe_unique_and_hashed_one_way()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => Invitation.NewToken()).ToList();
        Assert.Equal(50, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        var hash = Invitation.HashToken(tokens[0]);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, Invitation.HashToken(tokens[0]));
        Assert.NotEqual(hash, Invitation.HashToken(tokens[1]));
    }
}
