using System.Diagnostics;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Minutes;

/// <summary>Meetings, attendance and actions made directly in the database (the meetings pages are another workspace).</summary>
internal static class MinutesTestData
{
    public const string Slug = DemoData.PractitionersSlug;

    /// <summary>The test clock starts on 18 November 2026 at 10:00 UTC; this meeting was held a week before.</summary>
    public static readonly DateTimeOffset HeldAt = new(2026, 11, 10, 14, 0, 0, TimeSpan.Zero);

    public static string AgendaUrl(int meetingId) => $"/communities/{Slug}/meetings/{meetingId}/agenda";
    public static string MinutesUrl(int meetingId) => $"/communities/{Slug}/meetings/{meetingId}/minutes";

    public static Task<int> MeetingAsync(PortalFactory portal, DateTimeOffset startsAt, int minutes = 120, string title = "Quarterly meeting", string slug = Slug, bool attendance = true) =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == slug);
            var meeting = new Meeting
            {
                CommunityId = community.Id,
                Title = title,
                StartsAt = startsAt,
                EndsAt = startsAt.AddMinutes(minutes),
                Mode = MeetingMode.Online,
                CalendarUid = Guid.NewGuid().ToString("N") + "@test",
                CreatedAt = startsAt.AddDays(-30),
                UpdatedAt = startsAt.AddDays(-30),
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            if (attendance)
            {
                var people = await db.Users.Where(u => u.Email == DemoData.ChairEmail || u.Email == DemoData.SecretaryEmail || u.Email == DemoData.MemberEmail)
                    .ToDictionaryAsync(u => u.Email!);
                db.MeetingAttendance.AddRange(
                    new MeetingAttendance { MeetingId = meeting.Id, UserId = people[DemoData.ChairEmail].Id, Name = people[DemoData.ChairEmail].DisplayName, Status = AttendanceStatus.Attended },
                    new MeetingAttendance { MeetingId = meeting.Id, UserId = people[DemoData.SecretaryEmail].Id, Name = people[DemoData.SecretaryEmail].DisplayName, Status = AttendanceStatus.Attended },
                    new MeetingAttendance { MeetingId = meeting.Id, UserId = people[DemoData.MemberEmail].Id, Name = people[DemoData.MemberEmail].DisplayName, Status = AttendanceStatus.Apologies });
                var guest = new MeetingGuest { MeetingId = meeting.Id, Name = "Gita Guestspeaker", Email = "gita@example.org", TokenHash = Guid.NewGuid().ToString("N"), InvitedAt = startsAt.AddDays(-7) };
                db.MeetingGuests.Add(guest);
                await db.SaveChangesAsync();
                db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = meeting.Id, GuestId = guest.Id, Name = guest.Name, Status = AttendanceStatus.Attended });
                await db.SaveChangesAsync();
            }
            return meeting.Id;
        });

    public static Task<int> ActionAsync(PortalFactory portal, int? meetingId, string description, ActionStatus status = ActionStatus.Open, DateOnly? due = null) =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == Slug);
            var action = new CommunityAction
            {
                CommunityId = community.Id,
                MeetingId = meetingId,
                Description = description,
                OwnerName = "Olive Owner",
                DueOn = due ?? new DateOnly(2026, 12, 1),
                Status = status,
                CreatedAt = HeldAt.AddDays(-100),
                UpdatedAt = HeldAt.AddDays(-100),
            };
            db.Actions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

    /// <summary>Makes a new person chair of another demo CoP (not the practitioners').</summary>
    public static async Task<string> ChairOfAnotherCommunityAsync(PortalFactory portal)
    {
        const string email = "other.chair@nhs.net";
        var user = await portal.CreateUserAsync(email, "Otto Otherchair");
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var memberships = services.GetRequiredService<MembershipService>();
            var other = await db.Communities.FirstAsync(c => c.Slug != Slug && c.Status == CommunityStatus.Active);
            await db.InTransactionAsync(async () =>
            {
                await memberships.AddOrSetRoleAsync(other, user.Id, CommunityRole.Chair);
                await db.SaveChangesAsync();
            });
        });
        return email;
    }

    /// <summary>Posts a form as if its button with the given handler was pressed (the button's formaction).</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, string url, string formSelector, string handler, params (string Key, string Value)[] fields)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        form.SetAttribute("action", url + "?handler=" + handler);
        return await client.PostFormAsync(form, Html.Form(fields), url);
    }

    public static string Form(string handler) => $"main form[action*='handler={handler}']";

    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"minutes-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", $"{path} -") { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
