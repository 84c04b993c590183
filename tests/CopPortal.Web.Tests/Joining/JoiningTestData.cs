using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Joining;

/// <summary>Applicants and requests made through the real services, for tests that start from an existing request.</summary>
internal static class JoiningTestData
{
    public const string Practitioners = "psychological-practitioners";
    public const string Caps = "clinical-associate-in-psychology";
    public const string Assistants = "assistant-psychologists-and-psychology-students";

    public static async Task<PortalUser> CreateApplicantAsync(this PortalFactory portal, string email, string name = "Alex Applicant", string profession = "PWP", CareerStage stage = CareerStage.Qualified, string region = "Midlands")
    {
        var user = await portal.CreateUserAsync(email, name);
        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.ProfessionId = await db.Professions.Where(p => p.Abbreviation == profession || p.Name == profession).Select(p => p.Id).SingleAsync();
            stored.CareerStage = stage;
            stored.Region = region;
            stored.JobTitle = "Practitioner";
            await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>Submits a request from the applicant's profile, every declaration agreed and every question answered.</summary>
    public static async Task<int> SubmitAsync(this PortalFactory portal, string email, string slug, Action<ApplicationAnswers>? tweak = null, DateTimeOffset? submittedAt = null)
    {
        var id = 0;
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var joining = services.GetRequiredService<JoinRequestService>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var community = await db.Communities.SingleAsync(c => c.Slug == slug);
            var criteria = (await joining.CurrentTermsAsync(community.Id))!.Eligibility;
            var answers = new ApplicationAnswers
            {
                ProfessionId = user.ProfessionId,
                CareerStage = user.CareerStage,
                JobTitle = user.JobTitle,
                Organisation = user.Organisation,
                Region = user.Region,
                Declarations = criteria.RequiredDeclarations.Select(_ => true).ToList(),
                QuestionAnswers = criteria.Questions.Select(_ => "An answer").ToList(),
            };
            tweak?.Invoke(answers);
            var request = await joining.SubmitAsync(community, user, answers);
            if (submittedAt is DateTimeOffset at)
            {
                request.SubmittedAt = at;
                request.SubmittedWeekOf = LondonTime.WeekOf(at);
                await db.SaveChangesAsync();
            }
            id = request.Id;
        });
        return id;
    }

    public static Task<JoinRequest> RequestAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.JoinRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<Community> CommunityAsync(this PortalFactory portal, string slug) =>
        portal.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug));

    public static Task<bool> IsMemberAsync(this PortalFactory portal, string email, string slug) =>
        portal.WithDbAsync(db => db.Memberships.AnyAsync(m => m.User!.Email == email && m.Community!.Slug == slug));

    /// <summary>Fills a community to its capacity by lowering the capacity to its current member count.</summary>
    public static Task SetCapacityAsync(this PortalFactory portal, string slug, int? capacity) =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == slug);
            community.Capacity = capacity;
            await db.SaveChangesAsync();
        });
}
