using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// A dozen demo join requests across the communities, in every state and with each pre-check outcome,
/// sent over the last three weeks, so the weekly queue can be tried at once. They go through the real
/// service; the emails they would send are removed because the applicants are fictional.
/// </summary>
public static class DemoJoinRequests
{
    private sealed record Seed(string Email, string Name, string JobTitle, string Profession, CareerStage Stage, string Region, string Organisation, string Slug, int DaysAgo, JoinRequestStatus Outcome, Action<ApplicationAnswers>? Extra = null);

    public static async Task LoadAsync(IServiceProvider services, PortalUser staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var db = services.GetRequiredService<CopDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var joining = services.GetRequiredService<JoinRequestService>();
        var professions = await db.Professions.ToDictionaryAsync(p => p.Abbreviation ?? p.Name, p => p.Id);
        var practitionerQuestion = "I would like to share how our service runs group supervision, and learn how others support new practitioners.";

        Seed[] seeds =
        [
            new("grace.adeyemi@demo.nhs.uk", "Grace Adeyemi", "Children and Young People's Wellbeing Practitioner", "CYWP", CareerStage.Qualified, "Midlands", "Nottinghamshire Healthcare NHS Foundation Trust", DemoData.PractitionersSlug, 9, JoinRequestStatus.Pending),
            new("rhys.morgan@demo.nhs.uk", "Rhys Morgan", "Senior Psychological Wellbeing Practitioner", "PWP", CareerStage.Senior, "North West", "Pennine Care NHS Foundation Trust", DemoData.PractitionersSlug, 4, JoinRequestStatus.Pending,
                a => a.NoLocalCoPExplanation = "There is no practitioner community of practice in the North West yet."),
            new("eleanor.shaw@demo.nhs.uk", "Dr Eleanor Shaw", "Clinical Psychologist", "Clinical Psychologist", CareerStage.Qualified, "Midlands", "Birmingham Community Healthcare NHS Foundation Trust", DemoData.PractitionersSlug, 16, JoinRequestStatus.Pending),
            new("callum.fraser@demo.nhs.uk", "Callum Fraser", "Trainee Mental Health and Wellbeing Practitioner", "MHWP", CareerStage.Trainee, "South West", "Devon Partnership NHS Trust", DemoData.PractitionersSlug, 12, JoinRequestStatus.InformationRequested,
                a => a.NoLocalCoPExplanation = "Not sure."),
            new("priya.patel@demo.nhs.uk", "Priya Patel", "Trainee Clinical Associate in Psychology", "CAP", CareerStage.Trainee, "Midlands", "Leicestershire Partnership NHS Trust", "clinical-associate-in-psychology", 2, JoinRequestStatus.Pending),
            new("sophie.clarke@demo.nhs.uk", "Sophie Clarke", "Clinical Associate in Psychology", "CAP", CareerStage.Qualified, "Midlands", "Derbyshire Healthcare NHS Foundation Trust", "clinical-associate-in-psychology", 8, JoinRequestStatus.Pending),
            new("oliver.bennett@demo.nhs.uk", "Oliver Bennett", "Clinical Associate in Psychology", "CAP", CareerStage.Qualified, "Midlands", "Black Country Healthcare NHS Foundation Trust", "clinical-associate-in-psychology", 19, JoinRequestStatus.Approved),
            new("daniel.hughes@demo.nhs.uk", "Daniel Hughes", "Assistant Psychologist", "AP", CareerStage.Qualified, "Midlands", "Coventry and Warwickshire Partnership NHS Trust", "assistant-psychologists-and-psychology-students", 20, JoinRequestStatus.Approved),
            new("megan.lewis@demo.nhs.uk", "Megan Lewis", "Psychology student", "Psychology student", CareerStage.Student, "London", "University College London", "assistant-psychologists-and-psychology-students", 15, JoinRequestStatus.Declined),
            new("marcus.reid@demo.nhs.uk", "Dr Marcus Reid", "Director of Psychological Professions", "Clinical Psychologist", CareerStage.Lead, "Midlands", "Lincolnshire Partnership NHS Foundation Trust", "chief-psychological-professions-officers", 3, JoinRequestStatus.Pending,
                a =>
                {
                    a.MeetsSeniority = true;
                    a.RepresentsOrganisation = true;
                    a.DeliversHealthOrSocialCare = true;
                }),
            new("fatima.khan@demo.nhs.uk", "Fatima Khan", "Lead Health Psychologist, cardiac rehabilitation", "Health Psychologist", CareerStage.Lead, "Midlands", "University Hospitals of Derby and Burton NHS Foundation Trust", "psychological-professionals-in-physical-healthcare", 6, JoinRequestStatus.Pending,
                a =>
                {
                    a.MeetsSeniority = true;
                    a.WorksInSetting = true;
                    a.SettingExplanation = "I lead the psychology service for cardiac and pulmonary rehabilitation.";
                }),
            new("jack.turner@demo.nhs.uk", "Jack Turner", "Counselling Psychologist", "Counselling Psychologist", CareerStage.Qualified, "Midlands", "Herefordshire and Worcestershire Health and Care NHS Trust", "psychological-professionals-in-physical-healthcare", 13, JoinRequestStatus.Withdrawn,
                a =>
                {
                    a.MeetsSeniority = false;
                    a.WorksInSetting = false;
                }),
        ];

        var outboxBefore = await db.OutboxMessages.Select(m => m.Id).ToListAsync();
        var communities = await db.Communities.ToDictionaryAsync(c => c.Slug);
        var declineText = await db.DeclineReasonTemplates.OrderBy(t => t.SortOrder).Select(t => new { t.Title, t.Text }).ToListAsync();
        var now = clock.GetUtcNow();
        foreach (var seed in seeds)
        {
            var applicant = new PortalUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.Name,
                JobTitle = seed.JobTitle,
                ProfessionId = professions[seed.Profession],
                Organisation = seed.Organisation,
                Region = seed.Region,
                CareerStage = seed.Stage,
                CreatedAt = now,
            };
            // No password: demo applicants exist to fill the queue, not to sign in.
            var created = await users.CreateAsync(applicant);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo applicant {seed.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            var community = communities[seed.Slug];
            var criteria = (await joining.CurrentTermsAsync(community.Id))!.Eligibility;
            var answers = new ApplicationAnswers
            {
                ProfessionId = applicant.ProfessionId,
                CareerStage = seed.Stage,
                JobTitle = seed.JobTitle,
                Organisation = seed.Organisation,
                Region = seed.Region,
                Declarations = criteria.RequiredDeclarations.Select(_ => true).ToList(),
                QuestionAnswers = criteria.Questions.Select(q => q.Contains("bring", StringComparison.Ordinal) ? practitionerQuestion : $"{seed.JobTitle} at {seed.Organisation}.").ToList(),
            };
            seed.Extra?.Invoke(answers);
            var request = await joining.SubmitAsync(community, applicant, answers);
            request.SubmittedAt = now.AddDays(-seed.DaysAgo).AddHours(-seed.DaysAgo % 5);
            request.SubmittedWeekOf = LondonTime.WeekOf(request.SubmittedAt);
            await db.SaveChangesAsync();

            switch (seed.Outcome)
            {
                case JoinRequestStatus.Approved:
                    await joining.ApproveAsync(request, staff.Id);
                    break;
                case JoinRequestStatus.Declined:
                    await joining.DeclineAsync(request, staff.Id, declineText.First(t => t.Title == "Outside the region").Text);
                    break;
                case JoinRequestStatus.InformationRequested:
                    await joining.RequestInformationAsync(request, staff.Id, "You work in the South West. Is there a practitioner community of practice there, and if so why would this one suit you better?");
                    break;
                case JoinRequestStatus.Withdrawn:
                    await joining.WithdrawAsync(request, applicant.Id);
                    break;
            }
            if (seed.Outcome is JoinRequestStatus.Approved or JoinRequestStatus.Declined)
            {
                request.DecidedAt = request.SubmittedAt.AddDays(2);
                await db.SaveChangesAsync();
            }
        }

        await db.OutboxMessages.Where(m => !outboxBefore.Contains(m.Id)).ExecuteDeleteAsync();
    }
}
