using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Meetings;

/// <summary>Meetings and answers set up directly in the database for the participation tests.</summary>
internal static class ParticipationTestData
{
    public const string Slug = DemoData.PractitionersSlug;
    public const string OtherSlug = "clinical-associate-in-psychology";

    public static async Task<int> MeetingAsync(this PortalFactory portal, TimeSpan startsIn, string title = "Spotlight on supervision", string slug = Slug, bool cancelled = false)
    {
        var start = portal.Clock.GetUtcNow() + startsIn;
        return await portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == slug);
            var meeting = new Meeting
            {
                CommunityId = community.Id,
                Title = title,
                StartsAt = start,
                EndsAt = start.AddHours(2),
                JoinUrl = "https://teams.example.nhs.uk/meet/" + Guid.NewGuid().ToString("N"),
                CalendarUid = Guid.NewGuid().ToString("N") + "@test",
                Status = cancelled ? MeetingStatus.Cancelled : MeetingStatus.Scheduled,
                CreatedAt = portal.Clock.GetUtcNow(),
                UpdatedAt = portal.Clock.GetUtcNow(),
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
    }

    public static Task<string> UserIdAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task RsvpAsync(this PortalFactory portal, int meetingId, string email, RsvpAnswer answer)
    {
        var userId = await portal.UserIdAsync(email);
        await portal.WithDbAsync(async db =>
        {
            db.MeetingResponses.Add(new MeetingResponse { MeetingId = meetingId, UserId = userId, Answer = answer, RespondedAt = portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
    }

    public static Task<int> MemberCountAsync(this PortalFactory portal, string slug = Slug) =>
        portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug));

    /// <summary>The token at the end of the guest link in an email body.</summary>
    public static string GuestToken(string body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body, @"/meetings/guest/([A-Za-z0-9_\-]+)");
        Assert.True(match.Success, "No guest link in: " + body);
        return match.Groups[1].Value;
    }
}
