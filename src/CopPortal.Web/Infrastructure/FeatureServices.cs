using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure;

/// <summary>Domain services for each feature. One line per service; features add theirs here.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCopPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<CopPortal.Domain.Communities.TermsService>();
        services.AddScoped<CopPortal.Domain.Messaging.NotificationPreferences>();
        services.AddScoped<CopPortal.Domain.Communities.MembershipService>();
        services.AddScoped<CopPortal.Domain.People.InvitationService>();
        services.AddScoped<CopPortal.Web.Accounts.AccountEmails>();
        services.AddScoped<CopPortal.Domain.Messaging.IPortalSite, CopPortal.Web.Infrastructure.Email.PortalSite>();
        services.AddScoped<CopPortal.Domain.Joining.JoinRequestService>();
        services.AddScoped<CopPortal.Domain.Joining.JoinRequestDigest>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Joining.JoinRequestDigestJob>();
        services.AddScoped<CopPortal.Domain.Communities.CommunityAdmin>();
        services.AddScoped<CopPortal.Domain.Communities.ProposalService>();
        services.AddScoped<CopPortal.Domain.Communities.VacancyService>();
        services.AddScoped<CopPortal.Domain.Communities.TermsReviewReminders>();
        services.AddScoped<CopPortal.Domain.Communities.CommunityDirectory>();
        services.AddSingleton<CopPortal.Domain.Communities.CommunityCache>();
        services.AddSingleton<CopPortal.Domain.Joining.JoinQueueCounts>();
        services.AddSingleton<CopPortal.Domain.Caching.AggregateCache>();
        // Page data kept under the database's content version, which the interceptor raises on every commit.
        services.AddSingleton<CopPortal.Domain.Caching.ContentCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CopPortal.Domain.Caching.ContentChangeInterceptor>();
        services.AddSingleton<CopPortal.Domain.Auditing.AuditEntityTypes>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Communities.TermsReviewReminderJob>();
        services.AddScoped<CopPortal.Domain.Privacy.AccountClosure>();
        services.AddScoped<CopPortal.Domain.Privacy.PersonalDataExport>();
        services.AddScoped<CopPortal.Domain.Privacy.RetentionPurge>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Privacy.RetentionPurgeJob>();
        services.AddScoped<CopPortal.Domain.Messaging.NotificationDigest>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Email.NotificationDigestJob>();
        services.AddSingleton<CopPortal.Web.Infrastructure.Email.UnsubscribeLinks>();
        services.AddScoped<CopPortal.Domain.Meetings.GuestService>();
        services.AddScoped<CopPortal.Domain.Meetings.AttendanceService>();
        services.AddScoped<CopPortal.Domain.Meetings.Polls.PollService>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Meetings.PollCompletionJob>();
        services.AddScoped<CopPortal.Domain.Meetings.MeetingInvitations>();
        services.AddScoped<CopPortal.Domain.Meetings.MeetingRsvpTokens>();
        services.AddScoped<CopPortal.Domain.Meetings.MeetingScheduler>();
        services.AddScoped<CopPortal.Domain.Meetings.MeetingInvitationFanOut>();
        services.AddScoped<CopPortal.Domain.Meetings.CalendarFeeds>();
        services.AddScoped(sp => CopPortal.Web.Infrastructure.Email.MeetingOrganisers.From(sp));
        services.AddSingleton<CopPortal.Web.Infrastructure.Files.IFileStore>(sp => CopPortal.Web.Infrastructure.Files.LocalFileStore.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PortalOptions>()));
        services.AddScoped<CopPortal.Web.Infrastructure.Files.FileUploads>();
        services.AddScoped<CopPortal.Domain.Library.LibraryService>();
        // The minutes feature registers the real one; until then the "Agendas and minutes" folder lists uploads only.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<CopPortal.Domain.Library.IPublishedMeetingDocuments, CopPortal.Domain.Library.NoPublishedMeetingDocuments>(services);
        services.AddScoped<CopPortal.Domain.Actions.ActionService>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Actions.ActionReminderJob>();
        services.AddScoped<CopPortal.Domain.Minutes.MinutesService>();
        services.AddScoped<CopPortal.Domain.Library.IPublishedMeetingDocuments, CopPortal.Domain.Minutes.PublishedMeetingDocuments>();
        services.AddSingleton<CopPortal.Web.Infrastructure.Pdf.MinutesPdfStore>();
        services.AddScoped<CopPortal.Domain.Forum.ForumService>();
        services.AddScoped<CopPortal.Domain.Forum.ForumReportQueue>();
        services.AddScoped<CopPortal.Web.Pages.Communities.Forum.ForumAttachmentUploads>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(CopPortal.Domain.Forum.ForumOptions.Section).Get<CopPortal.Domain.Forum.ForumOptions>() ?? new CopPortal.Domain.Forum.ForumOptions());
        services.AddScoped<CopPortal.Domain.Escalations.EscalationService>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Escalations.ReportReminderJob>();
        return services;
    }
}
