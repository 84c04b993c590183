using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Security;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// The permission matrix, twice: the rule table itself, and every protected page requested as every kind of
/// user (anonymous, member, secretary, chair, council member, staff) over HTTP.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Portal portal) : IClassFixture<AccessMatrixTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task<HttpClient> ClientAsync(string who)
        {
            if (!Clients.TryGetValue(who, out var client))
            {
                client = who == "anonymous" ? Factory.CreateBrowserClient() : await Factory.SignedInClientAsync(who);
                Clients[who] = client;
            }
            return client;
        }

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData(nameof(CommunityOperations.ViewMemberContent), "-YYYY")]
    [InlineData(nameof(CommunityOperations.EditTerms), "--YY-")]
    [InlineData(nameof(CommunityOperations.RunCommunity), "--YYY")]
    [InlineData(nameof(CommunityOperations.ChairCommunity), "--YY-")]
    [InlineData(nameof(CommunityOperations.ManageCommunity), "-----")]
    public void Rule_table_for_people_who_are_not_staff(string operation, string expected)
    {
        // Columns: no role, Member, Chair, CoChair, Secretary.
        CommunityRole?[] roles = [null, CommunityRole.Member, CommunityRole.Chair, CommunityRole.CoChair, CommunityRole.Secretary];
        var actual = string.Concat(roles.Select(r => CommunityAuthorizationHandler.Allows(operation, r, isStaff: false) ? 'Y' : '-'));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(nameof(CommunityOperations.ViewMemberContent), true)]
    [InlineData(nameof(CommunityOperations.EditTerms), true)]
    [InlineData(nameof(CommunityOperations.RunCommunity), true)]
    [InlineData(nameof(CommunityOperations.ChairCommunity), false)]
    [InlineData(nameof(CommunityOperations.ManageCommunity), true)]
    public void Staff_without_a_role_in_the_community(string operation, bool allowed) =>
        Assert.Equal(allowed, CommunityAuthorizationHandler.Allows(operation, null, isStaff: true));

    public static TheoryData<string, string, string> Pages()
    {
        const string practitioners = "/communities/" + DemoData.PractitionersSlug;
        // Expected: "ok" (200), "signin" (redirect to sign-in), "denied" (redirect to access denied or 403).
        string[] people = ["anonymous", DemoData.MemberEmail, DemoData.SecretaryEmail, DemoData.ChairEmail, DemoData.CouncilEmail, DemoData.StaffEmail];
        (string Path, string[] Expected)[] pages =
        [
            ("/staff", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/join-requests", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/communities", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/proposals", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/outbox", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/audit", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/staff/invitations", ["signin", "denied", "denied", "denied", "denied", "ok"]),
            ("/council", ["signin", "denied", "denied", "denied", "ok", "ok"]),
            ("/my", ["signin", "ok", "ok", "ok", "ok", "ok"]),
            (practitioners + "/terms/edit", ["signin", "denied", "denied", "ok", "denied", "ok"]),
            (practitioners + "/terms/eligibility", ["signin", "denied", "denied", "ok", "denied", "ok"]),
            (practitioners, ["ok", "ok", "ok", "ok", "ok", "ok"]),
            (practitioners + "/terms", ["ok", "ok", "ok", "ok", "ok", "ok"]),
            ("/communities", ["ok", "ok", "ok", "ok", "ok", "ok"]),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var (path, expected) in pages)
        {
            for (var i = 0; i < people.Length; i++)
            {
                data.Add(path, people[i], expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_protected_page_as_each_kind_of_user(string path, string who, string expected)
    {
        var client = await portal.ClientAsync(who);
        var response = await client.GetAsync(path);
        var location = response.Headers.Location?.OriginalString ?? "";
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => "ok",
            HttpStatusCode.Forbidden => "denied",
            HttpStatusCode.Redirect when location.Contains("/account/access-denied", StringComparison.Ordinal) => "denied",
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => "signin",
            _ => $"{(int)response.StatusCode} {location}",
        };
        Assert.Equal(expected, outcome);
    }
}
