using CopPortal.Domain.People;

namespace CopPortal.Domain.Tests.People;

public sealed class AllowedEmailDomainTests
{
    private static readonly AllowedEmailDomain Nhs = new() { Domain = "nhs.uk", IncludeSubdomains = true };

    [Theory]
    [InlineData("nhs.uk")]
    [InlineData("mft.nhs.uk")]
    [InlineData("a.b.nhs.uk")]
    [InlineData("MFT.NHS.UK")]
    [InlineData("mft.nhs.uk.")]
    [InlineData(" mft.nhs.uk ")]
    public void Allows_the_domain_and_its_sub_domains_whatever_the_case_or_trailing_dot(string domain) =>
        Assert.True(Nhs.Allows(domain));

    [Theory]
    [InlineData("evilnhs.uk")]
    [InlineData("nhs.uk.evil.com")]
    [InlineData("nhs.uk-evil.com")]
    [InlineData("mft-nhs.uk")]
    [InlineData("uk")]
    [InlineData("")]
    public void Refuses_look_alikes_and_parents(string domain) =>
        Assert.False(Nhs.Allows(domain));

    [Fact]
    public void Without_sub_domains_only_the_exact_domain_is_allowed()
    {
        var exact = new AllowedEmailDomain { Domain = "nhs.net", IncludeSubdomains = false };
        Assert.True(exact.Allows("nhs.net"));
        Assert.False(exact.Allows("trust.nhs.net"));
    }

    [Theory]
    [InlineData("jo@mft.nhs.uk", "mft.nhs.uk")]
    [InlineData("Jo.Bloggs@MFT.NHS.UK", "mft.nhs.uk")]
    [InlineData("jo@nhs.net.", "nhs.net")]
    [InlineData("odd@name@nhs.net", "nhs.net")]
    [InlineData("no-at-sign", null)]
    [InlineData("@nhs.net", null)]
    [InlineData("jo@", null)]
    public void DomainOf_returns_the_lower_case_part_after_the_last_at(string email, string? expected) =>
        Assert.Equal(expected, AllowedEmailDomain.DomainOf(email));

    [Theory]
    [InlineData("jo@mft.nhs.uk", true)]
    [InlineData("jo@police.uk", true)]
    [InlineData("jo@gmail.com", false)]
    [InlineData("jo@evilnhs.uk", false)]
    [InlineData("not an email", false)]
    public void AnyAllows_checks_the_email_against_every_domain(string email, bool expected)
    {
        AllowedEmailDomain[] domains = [Nhs, new() { Domain = "police.uk" }];
        Assert.Equal(expected, AllowedEmailDomain.AnyAllows(domains, email));
    }

    [Theory]
    [InlineData("nhs.uk", "nhs.uk")]
    [InlineData(" @NHS.UK. ", "nhs.uk")]
    [InlineData("example-council.org.uk", "example-council.org.uk")]
    [InlineData("name@nhs.uk", null)]
    [InlineData("nhs uk", null)]
    [InlineData("localhost", null)]
    [InlineData("-bad.uk", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalise_gives_a_bare_lower_case_domain_or_null(string? input, string? expected) =>
        Assert.Equal(expected, AllowedEmailDomain.Normalise(input));
}
