using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>What the meeting page's "For this meeting" links need: the page (its CoP and the user's rights) and the meeting.</summary>
public sealed record MeetingLinksView(CommunityPageModel Page, Meeting Meeting, DateTimeOffset Now);
