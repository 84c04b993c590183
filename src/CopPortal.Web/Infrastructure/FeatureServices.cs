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
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Communities.TermsReviewReminderJob>();
        services.AddScoped<CopPortal.Domain.Privacy.AccountClosure>();
        services.AddScoped<CopPortal.Domain.Privacy.PersonalDataExport>();
        services.AddScoped<CopPortal.Domain.Privacy.RetentionPurge>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Privacy.RetentionPurgeJob>();
        services.AddScoped<CopPortal.Domain.Escalations.EscalationService>();
        services.AddScheduledJob<CopPortal.Web.Infrastructure.Escalations.ReportReminderJob>();
        return services;
    }
}
