using System.Reflection;
using CopPortal.Domain.Links;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>
/// Every path PortalPaths builds is resolved against the app's own page routes (its endpoint data source), and
/// must land on the page it is meant for: renaming a page's route, or a typo in PortalPaths, fails here.
/// </summary>
public sealed class PortalPathsTests : IDisposable
{
    private readonly PortalFactory _portal = new(PortalFactory.DefaultProvider(), demoData: false);

    /// <summary>Each member of PortalPaths, a sample of what it builds, and the Razor page that must answer it.</summary>
    private static readonly (string Member, string Path, string Page)[] Expected =
    [
        (nameof(PortalPaths.Home), PortalPaths.Home, "/Index"),
        (nameof(PortalPaths.Help), PortalPaths.Help, "/Help/Index"),
        (nameof(PortalPaths.Privacy), PortalPaths.Privacy, "/Help/Privacy"),
        (nameof(PortalPaths.Glossary), PortalPaths.Glossary, "/Help/Glossary"),
        (nameof(PortalPaths.Accessibility), PortalPaths.Accessibility, "/Help/Accessibility"),
        (nameof(PortalPaths.Council), PortalPaths.Council, "/Council/Index"),
        (nameof(PortalPaths.Communities), PortalPaths.Communities, "/Communities/Index"),
        (nameof(PortalPaths.ProposeCommunity), PortalPaths.ProposeCommunity, "/Communities/Propose"),
        (nameof(PortalPaths.Community), PortalPaths.Community("psychological-practitioners"), "/Communities/Details"),
        (nameof(PortalPaths.Join), PortalPaths.Join("psychological-practitioners"), "/Communities/Join"),
        (nameof(PortalPaths.JoinMonitoring), PortalPaths.JoinMonitoring("psychological-practitioners"), "/Communities/JoinMonitoring"),
        (nameof(PortalPaths.Terms), PortalPaths.Terms("psychological-practitioners"), "/Communities/Terms"),
        (nameof(PortalPaths.TermsPrint), PortalPaths.TermsPrint("psychological-practitioners"), "/Communities/Terms"),
        (nameof(PortalPaths.TermsPdf), PortalPaths.TermsPdf("psychological-practitioners"), "/Communities/TermsPdf"),
        (nameof(PortalPaths.TermsEdit), PortalPaths.TermsEdit("psychological-practitioners"), "/Communities/TermsEdit"),
        (nameof(PortalPaths.TermsEligibility), PortalPaths.TermsEligibility("psychological-practitioners"), "/Communities/EditEligibility"),
        (nameof(PortalPaths.TermsVersion), PortalPaths.TermsVersion("psychological-practitioners", 2), "/Communities/TermsVersion"),
        (nameof(PortalPaths.VacancyInterest), PortalPaths.VacancyInterest("psychological-practitioners", 7), "/Communities/Interest"),
        (nameof(PortalPaths.Meetings), PortalPaths.Meetings("psychological-practitioners"), "/Communities/Meetings/Index"),
        (nameof(PortalPaths.MeetingsPage), PortalPaths.MeetingsPage("psychological-practitioners", 2), "/Communities/Meetings/Index"),
        (nameof(PortalPaths.MeetingCreate), PortalPaths.MeetingCreate("psychological-practitioners"), "/Communities/Meetings/New"),
        (nameof(PortalPaths.Meeting), PortalPaths.Meeting("psychological-practitioners", 3), "/Communities/Meetings/Meeting"),
        (nameof(PortalPaths.MeetingIcs), PortalPaths.MeetingIcs("psychological-practitioners", 3), "/Communities/Meetings/Ics"),
        (nameof(PortalPaths.MeetingReplies), PortalPaths.MeetingReplies("psychological-practitioners", 3), "/Communities/Meetings/Meeting"),
        (nameof(PortalPaths.MeetingEdit), PortalPaths.MeetingEdit("psychological-practitioners", 3), "/Communities/Meetings/Edit"),
        (nameof(PortalPaths.MeetingCancel), PortalPaths.MeetingCancel("psychological-practitioners", 3), "/Communities/Meetings/Cancel"),
        (nameof(PortalPaths.MeetingRespond), PortalPaths.MeetingRespond("psychological-practitioners", 3, "abc", "apologies"), "/Communities/Meetings/Respond"),
        (nameof(PortalPaths.Library), PortalPaths.Library("psychological-practitioners"), "/Communities/Library/Index"),
        (nameof(PortalPaths.LibraryFolder), PortalPaths.LibraryFolder("psychological-practitioners", 3), "/Communities/Library/Folder"),
        (nameof(PortalPaths.LibraryAdd), PortalPaths.LibraryAdd("psychological-practitioners"), "/Communities/Library/Add"),
        (nameof(PortalPaths.LibraryDocument), PortalPaths.LibraryDocument("psychological-practitioners", 4), "/Communities/Library/Document"),
        (nameof(PortalPaths.LibraryDownload), PortalPaths.LibraryDownload("psychological-practitioners", 4, 2), "/Communities/Library/Download"),
        (nameof(PortalPaths.Actions), PortalPaths.Actions("psychological-practitioners"), "/Communities/Actions/Index"),
        (nameof(PortalPaths.ActionAdd), PortalPaths.ActionAdd("psychological-practitioners"), "/Communities/Actions/Add"),
        (nameof(PortalPaths.Action), PortalPaths.Action("psychological-practitioners", 5), "/Communities/Actions/Action"),
        (nameof(PortalPaths.My), PortalPaths.My, "/My/Index"),
        (nameof(PortalPaths.MyData), PortalPaths.MyData, "/My/Data"),
        (nameof(PortalPaths.RespondToRequest), PortalPaths.RespondToRequest(12), "/My/RespondToRequest"),
        (nameof(PortalPaths.WithdrawRequest), PortalPaths.WithdrawRequest(12), "/My/WithdrawRequest"),
        (nameof(PortalPaths.LeaveCommunity), PortalPaths.LeaveCommunity("psychological-practitioners"), "/My/LeaveCommunity"),
        (nameof(PortalPaths.MyNotifications), PortalPaths.MyNotifications, "/My/Notifications"),
        (nameof(PortalPaths.Unsubscribe), PortalPaths.Unsubscribe("CfDJ8Abc-_xyz"), "/Notifications/Unsubscribe"),
        (nameof(PortalPaths.SignIn), PortalPaths.SignIn, "/Account/SignIn"),
        (nameof(PortalPaths.SignOut), PortalPaths.SignOut, "/Account/SignOut"),
        (nameof(PortalPaths.AccessDenied), PortalPaths.AccessDenied, "/Account/AccessDenied"),
        (nameof(PortalPaths.Register), PortalPaths.Register, "/Account/Register/Index"),
        (nameof(PortalPaths.RegisterCheckYourEmail), PortalPaths.RegisterCheckYourEmail, "/Account/Register/CheckYourEmail"),
        (nameof(PortalPaths.ResendConfirmation), PortalPaths.ResendConfirmation, "/Account/ResendConfirmation"),
        (nameof(PortalPaths.ForgotPassword), PortalPaths.ForgotPassword, "/Account/ForgotPassword"),
        (nameof(PortalPaths.Profile), PortalPaths.Profile, "/Account/Profile"),
        (nameof(PortalPaths.ChangePassword), PortalPaths.ChangePassword, "/Account/ChangePassword"),
        (nameof(PortalPaths.CloseAccount), PortalPaths.CloseAccount, "/Account/CloseAccount"),
        (nameof(PortalPaths.AccountClosed), PortalPaths.AccountClosed, "/Account/Closed"),
        (nameof(PortalPaths.ConfirmEmail), PortalPaths.ConfirmEmail("user-1", "Q2ZESjhB"), "/Account/ConfirmEmail"),
        (nameof(PortalPaths.ResetPassword), PortalPaths.ResetPassword("user-1", "Q2ZESjhB"), "/Account/ResetPassword"),
        (nameof(PortalPaths.Invitation), PortalPaths.Invitation("abc123"), "/Account/Invitation"),
        (nameof(PortalPaths.Staff), PortalPaths.Staff, "/Staff/Index"),
        (nameof(PortalPaths.StaffJoinRequests), PortalPaths.StaffJoinRequests, "/Staff/JoinRequests/Index"),
        (nameof(PortalPaths.JoinRequestReview), PortalPaths.JoinRequestReview(12), "/Staff/JoinRequests/Review"),
        (nameof(PortalPaths.BulkApprove), PortalPaths.BulkApprove, "/Staff/JoinRequests/BulkApprove"),
        (nameof(PortalPaths.StaffPeople), PortalPaths.StaffPeople, "/Staff/People/Index"),
        (nameof(PortalPaths.StaffPerson), PortalPaths.StaffPerson("0b9f6c1e-user"), "/Staff/People/Person"),
        (nameof(PortalPaths.ClosePerson), PortalPaths.ClosePerson("0b9f6c1e-user"), "/Staff/People/Close"),
        (nameof(PortalPaths.StaffInvitations), PortalPaths.StaffInvitations, "/Staff/Invitations/Index"),
        (nameof(PortalPaths.NewInvitation), PortalPaths.NewInvitation, "/Staff/Invitations/New"),
        (nameof(PortalPaths.StaffOutbox), PortalPaths.StaffOutbox, "/Staff/Outbox"),
        (nameof(PortalPaths.StaffAudit), PortalPaths.StaffAudit, "/Staff/Audit"),
        (nameof(PortalPaths.StaffEmailDomains), PortalPaths.StaffEmailDomains, "/Staff/EmailDomains"),
        (nameof(PortalPaths.StaffEquality), PortalPaths.StaffEquality, "/Staff/Equality"),
        (nameof(PortalPaths.StaffGroundRules), PortalPaths.StaffGroundRules, "/Staff/GroundRules"),
        (nameof(PortalPaths.StaffAgendaTemplates), PortalPaths.StaffAgendaTemplates, "/Staff/AgendaTemplates/Index"),
        (nameof(PortalPaths.StaffAgendaTemplateNew), PortalPaths.StaffAgendaTemplateNew, "/Staff/AgendaTemplates/New"),
        (nameof(PortalPaths.StaffAgendaTemplate), PortalPaths.StaffAgendaTemplate(2), "/Staff/AgendaTemplates/Edit"),
        (nameof(PortalPaths.GroundRules), PortalPaths.GroundRules, "/Help/GroundRules"),
        (nameof(PortalPaths.WelcomeProfile), PortalPaths.WelcomeProfile, "/Account/Profile"),
        (nameof(PortalPaths.StaffProposals), PortalPaths.StaffProposals, "/Staff/Proposals/Index"),
        (nameof(PortalPaths.ProposalDecision), PortalPaths.ProposalDecision(3), "/Staff/Proposals/Decide"),
        (nameof(PortalPaths.StaffCommunities), PortalPaths.StaffCommunities, "/Staff/Communities/Index"),
        (nameof(PortalPaths.NewCommunity), PortalPaths.NewCommunity, "/Staff/Communities/Create"),
        (nameof(PortalPaths.CommunityTemplate), PortalPaths.CommunityTemplate, "/Staff/Communities/Template"),
        (nameof(PortalPaths.ManageCommunity), PortalPaths.ManageCommunity("psychological-practitioners", "core-team"), "/Staff/Communities/Manage"),
        (nameof(PortalPaths.MeetingGuests), PortalPaths.MeetingGuests("psychological-practitioners", 5), "/Communities/Meetings/Guests"),
        (nameof(PortalPaths.MeetingAttendance), PortalPaths.MeetingAttendance("psychological-practitioners", 5), "/Communities/Meetings/Attendance"),
        (nameof(PortalPaths.MeetingPolls), PortalPaths.MeetingPolls("psychological-practitioners"), "/Communities/Meetings/Polls"),
        (nameof(PortalPaths.NewMeetingPoll), PortalPaths.NewMeetingPoll("psychological-practitioners"), "/Communities/Meetings/PollNew"),
        (nameof(PortalPaths.MeetingPoll), PortalPaths.MeetingPoll("psychological-practitioners", 3), "/Communities/Meetings/Poll"),
        (nameof(PortalPaths.MeetingGuest), PortalPaths.MeetingGuest("abc123"), "/Meetings/Guest"),
        (nameof(PortalPaths.MeetingGuestCalendar), PortalPaths.MeetingGuestCalendar("abc123"), "/Meetings/GuestCalendar"),
        (nameof(PortalPaths.MyCalendar), PortalPaths.MyCalendar, "/My/Calendar"),
        (nameof(PortalPaths.CalendarFeed), PortalPaths.CalendarFeed("abc123"), "/Calendar/Feed"),
        (nameof(PortalPaths.MeetingAgenda), PortalPaths.MeetingAgenda("psychological-practitioners", 4), "/Communities/Meetings/Agenda"),
        (nameof(PortalPaths.MeetingAgendaPrint), PortalPaths.MeetingAgendaPrint("psychological-practitioners", 4), "/Communities/Meetings/Agenda"),
        (nameof(PortalPaths.MeetingAgendaPdf), PortalPaths.MeetingAgendaPdf("psychological-practitioners", 4), "/Communities/Meetings/AgendaPdf"),
        (nameof(PortalPaths.MeetingAgendaItem), PortalPaths.MeetingAgendaItem("psychological-practitioners", 4, 9), "/Communities/Meetings/AgendaItem"),
        (nameof(PortalPaths.MeetingMinutes), PortalPaths.MeetingMinutes("psychological-practitioners", 4), "/Communities/Meetings/Minutes"),
        (nameof(PortalPaths.MeetingMinutesPrint), PortalPaths.MeetingMinutesPrint("psychological-practitioners", 4), "/Communities/Meetings/Minutes"),
        (nameof(PortalPaths.MeetingMinutesPdf), PortalPaths.MeetingMinutesPdf("psychological-practitioners", 4), "/Communities/Meetings/MinutesPdf"),
        (nameof(PortalPaths.MeetingMinutesRevision), PortalPaths.MeetingMinutesRevision("psychological-practitioners", 4, 1), "/Communities/Meetings/MinutesRevision"),
        (nameof(PortalPaths.CouncilMinutes), PortalPaths.CouncilMinutes, "/Council/Minutes"),
        (nameof(PortalPaths.CouncilMinutesRead), PortalPaths.CouncilMinutesRead(5), "/Council/MinutesRead"),
        (nameof(PortalPaths.Forum), PortalPaths.Forum("psychological-practitioners"), "/Communities/Forum/Index"),
        (nameof(PortalPaths.ForumSearch), PortalPaths.ForumSearch("psychological-practitioners", "group supervision"), "/Communities/Forum/Index"),
        (nameof(PortalPaths.NewForumThread), PortalPaths.NewForumThread("psychological-practitioners"), "/Communities/Forum/New"),
        (nameof(PortalPaths.ForumThread), PortalPaths.ForumThread("psychological-practitioners", 5, 2), "/Communities/Forum/Thread"),
        (nameof(PortalPaths.EditForumPost), PortalPaths.EditForumPost("psychological-practitioners", 9), "/Communities/Forum/EditPost"),
        (nameof(PortalPaths.RemoveForumPost), PortalPaths.RemoveForumPost("psychological-practitioners", 9), "/Communities/Forum/RemovePost"),
        (nameof(PortalPaths.ReportForumPost), PortalPaths.ReportForumPost("psychological-practitioners", 9), "/Communities/Forum/ReportPost"),
        (nameof(PortalPaths.ForumReports), PortalPaths.ForumReports("psychological-practitioners"), "/Communities/Forum/Reports"),
        (nameof(PortalPaths.ForumReport), PortalPaths.ForumReport("psychological-practitioners", 3), "/Communities/Forum/Report"),
        (nameof(PortalPaths.ForumAttachment), PortalPaths.ForumAttachment("psychological-practitioners", 3), "/Communities/Forum/Attachment"),
        (nameof(PortalPaths.StaffReports), PortalPaths.StaffReports, "/Staff/Reports"),
        (nameof(PortalPaths.MeetingReport), PortalPaths.MeetingReport("psychological-practitioners", 4), "/Communities/Meetings/Report"),
        (nameof(PortalPaths.CouncilEscalations), PortalPaths.CouncilEscalations, "/Council/Escalations/Index"),
        (nameof(PortalPaths.CommunityReports), PortalPaths.CommunityReports("psychological-practitioners"), "/Communities/Meetings/Reports"),
        (nameof(PortalPaths.CouncilEscalationsFor), PortalPaths.CouncilEscalationsFor(3), "/Council/Escalations/Index"),
        (nameof(PortalPaths.CouncilEscalation), PortalPaths.CouncilEscalation(9), "/Council/Escalations/Point"),
        (nameof(PortalPaths.CouncilEscalationsCsv), PortalPaths.CouncilEscalationsCsv, "/Council/Escalations/Export"),
        (nameof(PortalPaths.CouncilQuarterlyReport), PortalPaths.CouncilQuarterlyReport("2026-Q4"), "/Council/Escalations/QuarterlyPdf"),
        (nameof(PortalPaths.CouncilQuarterlyPrint), PortalPaths.CouncilQuarterlyPrint("2026-Q4"), "/Council/Escalations/Quarterly"),
        (nameof(PortalPaths.StaffEscalationDestinations), PortalPaths.StaffEscalationDestinations, "/Staff/EscalationDestinations"),
        (nameof(PortalPaths.Handler), PortalPaths.Handler(PortalPaths.ForumThread("psychological-practitioners", 5, 2), "Watch"), "/Communities/Forum/Thread"),
    ];

    [Fact]
    public void Every_PortalPaths_member_is_checked_here()
    {
        var members = typeof(PortalPaths).GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Select(m => m.Name)
            .Where(n => n != nameof(PortalPaths.WithQuery))
            .ToHashSet();
        Assert.Empty(members.Except(Expected.Select(e => e.Member)));
    }

    [Fact]
    public void Every_PortalPaths_member_routes_to_its_page()
    {
        _ = _portal.Services;
        var resolver = _portal.Services.GetRequiredService<IInlineConstraintResolver>();
        var pages = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .Select(e => (e.Page!.ViewEnginePath, Template: TemplateParser.Parse(e.Endpoint.RoutePattern.RawText ?? "")))
            .ToList();
        Assert.NotEmpty(pages);

        var wrong = new List<string>();
        foreach (var (member, path, page) in Expected)
        {
            var answering = PageFor(path, pages, resolver);
            if (answering != page)
            {
                wrong.Add($"{member}: {path} is answered by {answering ?? "no page"}, not {page}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Route_values_are_escaped_so_they_stay_in_their_segment()
    {
        Assert.Equal("/communities/a%20b%2Fc%3Fd/terms", PortalPaths.Terms("a b/c?d"));
        Assert.Equal("/account/confirm-email?userId=a%26b&code=x%3Dy", PortalPaths.ConfirmEmail("a&b", "x=y"));
        Assert.Equal("/staff/outbox?status=Pending", PortalPaths.WithQuery(PortalPaths.StaffOutbox, ("status", "Pending"), ("p", null)));
        Assert.Equal("/communities/x/forum/threads/5?p=2&handler=Watch", PortalPaths.Handler(PortalPaths.ForumThread("x", 5, 2), "Watch"));
        Assert.Equal("/communities/x/forum?handler=a%26b", PortalPaths.Handler(PortalPaths.Forum("x"), "a&b"));
        Assert.Equal("/staff/communities/x#core-team", PortalPaths.ManageCommunity("x", "core-team"));
        Assert.Throws<ArgumentException>(() => PortalPaths.Community(""));
    }

    /// <summary>The page whose route matches the path (constraints checked); literal segments beat parameters, as in ASP.NET Core routing.</summary>
    private static string? PageFor(string path, List<(string Page, RouteTemplate Template)> pages, IInlineConstraintResolver resolver)
    {
        var pathOnly = path.Split('?', '#')[0];
        return pages
            .Where(p =>
            {
                var values = new RouteValueDictionary();
                if (!new TemplateMatcher(p.Template, new RouteValueDictionary()).TryMatch(pathOnly, values))
                {
                    return false;
                }
                return p.Template.Parameters.All(parameter => parameter.InlineConstraints.All(c =>
                    resolver.ResolveConstraint(c.Constraint)!.Match(null, null, parameter.Name!, values, RouteDirection.IncomingRequest)));
            })
            .OrderBy(p => p.Template.Segments.Count(s => !s.IsSimple || !s.Parts[0].IsLiteral))
            .Select(p => p.Page)
            .FirstOrDefault();
    }

    public void Dispose() => _portal.Dispose();
}
