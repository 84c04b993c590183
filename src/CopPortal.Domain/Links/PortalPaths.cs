using System.Globalization;
using System.Text;

namespace CopPortal.Domain.Links;

/// <summary>
/// Every portal path that C# code builds (redirects, pagers, email links, tests), in one place. Route values are
/// escaped here, so a slug or token can never break out of its segment. Paths are relative; an email's absolute
/// link comes only from <see cref="Messaging.IPortalSite.Url"/>, which prefixes the configured public address.
/// A test resolves each member against the app's page routes, so renaming a page's route breaks the build's tests
/// rather than a link.
/// </summary>
public static class PortalPaths
{
    public static string Home => "/";
    public static string Help => "/help";
    public static string Privacy => "/privacy";
    public static string Glossary => "/glossary";
    public static string Accessibility => "/accessibility";
    public static string Council => "/council";
    public static string GroundRules => "/ground-rules";

    // The directory and a community's public pages.
    public static string Communities => "/communities";
    public static string ProposeCommunity => "/communities/propose";

    public static string Community(string slug) => "/communities/" + Segment(slug);
    public static string Join(string slug) => Community(slug) + "/join";
    public static string JoinMonitoring(string slug) => Community(slug) + "/join/monitoring";
    public static string Terms(string slug) => Community(slug) + "/terms";

    /// <summary>The ToR laid out for printing: what the PDF renderer opens.</summary>
    public static string TermsPrint(string slug) => Terms(slug) + "?print=true";
    public static string TermsPdf(string slug) => Community(slug) + "/terms.pdf";
    public static string TermsEdit(string slug) => Terms(slug) + "/edit";
    public static string TermsEligibility(string slug) => Terms(slug) + "/eligibility";
    public static string TermsVersion(string slug, int number) => Terms(slug) + "/versions/" + Number(number);
    public static string VacancyInterest(string slug, int vacancyId) => Community(slug) + "/vacancies/" + Number(vacancyId) + "/interest";

    // Meeting participation: guests, attendance and finding a date.
    public static string MeetingGuests(string slug, int meetingId) => Community(slug) + "/meetings/" + Number(meetingId) + "/guests";
    public static string MeetingAttendance(string slug, int meetingId) => Community(slug) + "/meetings/" + Number(meetingId) + "/attendance";
    public static string MeetingPolls(string slug) => Community(slug) + "/meetings/polls";
    public static string NewMeetingPoll(string slug) => MeetingPolls(slug) + "/new";
    public static string MeetingPoll(string slug, int pollId) => MeetingPolls(slug) + "/" + Number(pollId);

    /// <summary>A guest's own view of the one meeting they are invited to, by the secret token in their email.</summary>
    public static string MeetingGuest(string token) => "/meetings/guest/" + Segment(token);
    public static string MeetingGuestCalendar(string token) => MeetingGuest(token) + "/meeting.ics";
    // Meetings (scheduling, calendar, RSVP).
    public static string Meetings(string slug) => Community(slug) + "/meetings";
    public static string MeetingsPage(string slug, int page) => page <= 1 ? Meetings(slug) : WithQuery(Meetings(slug), ("page", Number(page)));
    public static string MeetingCreate(string slug) => Meetings(slug) + "/new";
    public static string Meeting(string slug, int meetingId) => Meetings(slug) + "/" + Number(meetingId);
    public static string MeetingIcs(string slug, int meetingId) => Meetings(slug) + "/" + Number(meetingId) + ".ics";
    /// <summary>The meeting page listing everyone who replied, not only the first names of each answer.</summary>
    public static string MeetingReplies(string slug, int meetingId) => WithQuery(Meeting(slug, meetingId), ("replies", "all"));
    public static string MeetingEdit(string slug, int meetingId) => Meeting(slug, meetingId) + "/edit";
    public static string MeetingCancel(string slug, int meetingId) => Meeting(slug, meetingId) + "/cancel";

    /// <summary>The confirm page an invitation's one-click RSVP link opens (the token names the member and the meeting).</summary>
    public static string MeetingRespond(string slug, int meetingId, string token, string answer) =>
        WithQuery(Meeting(slug, meetingId) + "/respond", ("token", token), ("answer", answer));

    // A community's document library.
    public static string Library(string slug) => Community(slug) + "/library";
    public static string LibraryFolder(string slug, int folderId) => Library(slug) + "/folders/" + Number(folderId);
    /// <summary>Upload (the core team and staff) or suggest (members) a document.</summary>
    public static string LibraryAdd(string slug) => Library(slug) + "/add";
    public static string LibraryDocument(string slug, int documentId) => Library(slug) + "/documents/" + Number(documentId);
    public static string LibraryDownload(string slug, int documentId, int version) => LibraryDocument(slug, documentId) + "/versions/" + Number(version) + "/download";

    // A community's actions.
    public static string Actions(string slug) => Community(slug) + "/actions";
    public static string ActionAdd(string slug) => Actions(slug) + "/add";
    public static string Action(string slug, int actionId) => Actions(slug) + "/" + Number(actionId);
    // Agendas and minutes of one meeting (the minutes feature).
    public static string MeetingAgenda(string slug, int meetingId) => Meeting(slug, meetingId) + "/agenda";
    public static string MeetingAgendaPrint(string slug, int meetingId) => MeetingAgenda(slug, meetingId) + "?print=true";
    public static string MeetingAgendaPdf(string slug, int meetingId) => Meeting(slug, meetingId) + "/agenda.pdf";
    public static string MeetingAgendaItem(string slug, int meetingId, int itemId) => MeetingAgenda(slug, meetingId) + "/items/" + Number(itemId);
    public static string MeetingMinutes(string slug, int meetingId) => Meeting(slug, meetingId) + "/minutes";
    public static string MeetingMinutesPrint(string slug, int meetingId) => MeetingMinutes(slug, meetingId) + "?print=true";
    public static string MeetingMinutesPdf(string slug, int meetingId) => Meeting(slug, meetingId) + "/minutes.pdf";
    public static string MeetingMinutesRevision(string slug, int meetingId, int revision) => MeetingMinutes(slug, meetingId) + "/revisions/" + Number(revision);
    public static string CouncilMinutes => "/council/minutes";
    public static string CouncilMinutesRead(int minutesId) => CouncilMinutes + "/" + Number(minutesId);

    // The signed-in person's own pages.
    public static string My => "/my";
    public static string MyData => "/my/data";
    public static string RespondToRequest(int joinRequestId) => "/my/requests/" + Number(joinRequestId) + "/respond";
    public static string WithdrawRequest(int joinRequestId) => "/my/requests/" + Number(joinRequestId) + "/withdraw";
    public static string LeaveCommunity(string slug) => "/my/communities/" + Segment(slug) + "/leave";
    public static string MyNotifications => "/my/notifications";
    public static string MyCalendar => "/my/calendar";
    public static string CalendarFeed(string token) => "/calendar/" + Segment(token) + ".ics";

    /// <summary>The one-click unsubscribe page for a signed token (UnsubscribeLinks); works without signing in.</summary>
    public static string Unsubscribe(string token) => "/notifications/unsubscribe/" + Segment(token);

    // Accounts.
    public static string SignIn => "/account/sign-in";
    public static string SignOut => "/account/sign-out";
    public static string AccessDenied => "/account/access-denied";
    public static string Register => "/account/register";
    public static string RegisterCheckYourEmail => "/account/register/check-your-email";
    public static string ResendConfirmation => "/account/resend-confirmation";
    public static string ForgotPassword => "/account/forgot-password";
    public static string Profile => "/account/profile";
    /// <summary>Where a newly confirmed person goes after signing in: their profile, then their home page.</summary>
    public static string WelcomeProfile => Profile + "?welcome=true";
    public static string ChangePassword => "/account/change-password";
    public static string CloseAccount => "/account/close";
    public static string AccountClosed => "/account/closed";

    /// <param name="userId">The account's id.</param>
    /// <param name="code">The confirmation token, already encoded for a URL (PortalLinks.EncodeToken).</param>
    public static string ConfirmEmail(string userId, string code) =>
        WithQuery("/account/confirm-email", ("userId", userId), ("code", code));

    /// <param name="userId">The account's id.</param>
    /// <param name="code">The reset token, already encoded for a URL (PortalLinks.EncodeToken).</param>
    public static string ResetPassword(string userId, string code) =>
        WithQuery("/account/reset-password", ("userId", userId), ("code", code));

    public static string Invitation(string token) => "/account/invitation/" + Segment(token);

    // The network team's pages.
    public static string Staff => "/staff";
    public static string StaffJoinRequests => "/staff/join-requests";
    public static string JoinRequestReview(int joinRequestId) => "/staff/join-requests/" + Number(joinRequestId);
    public static string BulkApprove => "/staff/join-requests/bulk-approve";
    public static string StaffPeople => "/staff/people";
    public static string StaffPerson(string userId) => "/staff/people/" + Segment(userId);
    public static string ClosePerson(string userId) => StaffPerson(userId) + "/close";
    public static string StaffInvitations => "/staff/invitations";
    public static string NewInvitation => "/staff/invitations/new";
    public static string StaffOutbox => "/staff/outbox";
    public static string StaffAudit => "/staff/audit";
    public static string StaffEmailDomains => "/staff/email-domains";
    public static string StaffEquality => "/staff/equality";
    public static string StaffGroundRules => "/staff/ground-rules";
    public static string StaffAgendaTemplates => "/staff/agenda-templates";
    public static string StaffAgendaTemplateNew => "/staff/agenda-templates/new";
    public static string StaffAgendaTemplate(int id) => "/staff/agenda-templates/" + Number(id);
    public static string StaffProposals => "/staff/proposals";
    public static string ProposalDecision(int proposalId) => "/staff/proposals/" + Number(proposalId);
    public static string StaffCommunities => "/staff/communities";
    public static string NewCommunity => "/staff/communities/new";
    public static string CommunityTemplate => "/staff/communities/template";

    // A CoP's forum (members and staff).
    public static string Forum(string slug) => Community(slug) + "/forum";
    public static string ForumSearch(string slug, string words) => WithQuery(Forum(slug), ("q", words));
    public static string NewForumThread(string slug) => Forum(slug) + "/new";

    /// <param name="slug">The community's slug.</param>
    /// <param name="threadId">The thread's id.</param>
    /// <param name="page">The page of posts; the first is left out of the address.</param>
    public static string ForumThread(string slug, int threadId, int page = 1) =>
        Forum(slug) + "/threads/" + Number(threadId) + (page > 1 ? "?p=" + Number(page) : "");
    public static string EditForumPost(string slug, int postId) => Forum(slug) + "/posts/" + Number(postId) + "/edit";
    public static string RemoveForumPost(string slug, int postId) => Forum(slug) + "/posts/" + Number(postId) + "/remove";
    public static string ReportForumPost(string slug, int postId) => Forum(slug) + "/posts/" + Number(postId) + "/report";
    public static string ForumReports(string slug) => Forum(slug) + "/reports";
    public static string ForumReport(string slug, int reportId) => ForumReports(slug) + "/" + Number(reportId);
    public static string ForumAttachment(string slug, int attachmentId) => Forum(slug) + "/attachments/" + Number(attachmentId);
    public static string StaffReports => "/staff/reports";
    // Triple-A reports and the Workforce Council's review.
    public static string MeetingReport(string slug, int meetingId) => Community(slug) + "/meetings/" + Number(meetingId) + "/report";
    /// <summary>The CoP's own list of its reports and the meetings still waiting for one (core team and staff).</summary>
    public static string CommunityReports(string slug) => Community(slug) + "/reports";
    /// <summary>The council's queue showing one CoP's points (what the submission email links to).</summary>
    public static string CouncilEscalationsFor(int communityId) => WithQuery(CouncilEscalations, ("community", Number(communityId)));
    public static string CouncilEscalations => "/council/escalations";
    public static string CouncilEscalation(int pointId) => CouncilEscalations + "/" + Number(pointId);
    public static string CouncilEscalationsCsv => CouncilEscalations + "/export.csv";
    public static string CouncilQuarterlyReport(string quarter) => WithQuery(CouncilEscalations + "/quarterly.pdf", ("quarter", quarter));
    public static string CouncilQuarterlyPrint(string quarter) => WithQuery(CouncilEscalations + "/quarterly", ("quarter", quarter));
    public static string StaffEscalationDestinations => "/staff/escalation-destinations";

    /// <param name="slug">The community's slug.</param>
    /// <param name="section">An optional fragment on the page, e.g. "core-team".</param>
    public static string ManageCommunity(string slug, string? section = null) =>
        "/staff/communities/" + Segment(slug) + (string.IsNullOrEmpty(section) ? "" : "#" + Uri.EscapeDataString(section));

    /// <summary>Where a form on <paramref name="page"/> posts to reach its Razor Pages <paramref name="handler"/>
    /// (a plain path: cheaper per form than a link generated by the router).</summary>
    public static string Handler(string page, string handler) => WithQuery(page, ("handler", handler));

    /// <summary>A path with a query string; parameters whose value is null or empty are left out.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            result.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return result.ToString();
    }

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
