using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CopPortal.Domain.Data;

/// <summary>
/// The portal's unit of work. Page handlers use it directly; rules that span entities live in the
/// domain services beside the entities. Every SaveChanges writes audit entries in the same transaction.
/// </summary>
public class CopDbContext(DbContextOptions<CopDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null, CommunityCache? communityCache = null, JoinQueueCounts? queueCounts = null, CopPortal.Domain.Caching.AggregateCache? aggregates = null)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    private readonly ICurrentActor _actor = actor ?? SystemActor.Instance;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Profession> Professions => Set<Profession>();
    public DbSet<AllowedEmailDomain> AllowedEmailDomains => Set<AllowedEmailDomain>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<TermsVersion> TermsVersions => Set<TermsVersion>();
    public DbSet<CommunitySearchTerm> CommunitySearchTerms => Set<CommunitySearchTerm>();
    public DbSet<PersonSearchTerm> PersonSearchTerms => Set<PersonSearchTerm>();
    public DbSet<TermsTemplate> TermsTemplates => Set<TermsTemplate>();
    public DbSet<GroundRules> GroundRules => Set<GroundRules>();
    public DbSet<CommunityMembership> Memberships => Set<CommunityMembership>();
    public DbSet<CommunityEligibleProfession> CommunityEligibleProfessions => Set<CommunityEligibleProfession>();
    public DbSet<CoreTeamVacancy> Vacancies => Set<CoreTeamVacancy>();
    public DbSet<VacancyInterest> VacancyInterests => Set<VacancyInterest>();
    public DbSet<CommunityProposal> Proposals => Set<CommunityProposal>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<DeclineReasonTemplate> DeclineReasonTemplates => Set<DeclineReasonTemplate>();
    public DbSet<EqualityMonitoringResponse> EqualityMonitoringResponses => Set<EqualityMonitoringResponse>();
    public DbSet<CopPortal.Domain.Scheduling.JobRun> JobRuns => Set<CopPortal.Domain.Scheduling.JobRun>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();
    public DbSet<MeetingResponse> MeetingResponses => Set<MeetingResponse>();
    public DbSet<MeetingGuest> MeetingGuests => Set<MeetingGuest>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<CopPortal.Domain.Meetings.Polls.Poll> MeetingPolls => Set<CopPortal.Domain.Meetings.Polls.Poll>();
    public DbSet<CopPortal.Domain.Meetings.Polls.PollOption> MeetingPollOptions => Set<CopPortal.Domain.Meetings.Polls.PollOption>();
    public DbSet<CopPortal.Domain.Meetings.Polls.PollAnswer> MeetingPollAnswers => Set<CopPortal.Domain.Meetings.Polls.PollAnswer>();
    public DbSet<CopPortal.Domain.Actions.CommunityAction> Actions => Set<CopPortal.Domain.Actions.CommunityAction>();
    public DbSet<CopPortal.Domain.Actions.ActionUpdate> ActionUpdates => Set<CopPortal.Domain.Actions.ActionUpdate>();
    public DbSet<CopPortal.Domain.Library.LibraryFolder> LibraryFolders => Set<CopPortal.Domain.Library.LibraryFolder>();
    public DbSet<CopPortal.Domain.Library.LibraryDocument> LibraryDocuments => Set<CopPortal.Domain.Library.LibraryDocument>();
    public DbSet<CopPortal.Domain.Library.LibraryDocumentVersion> LibraryDocumentVersions => Set<CopPortal.Domain.Library.LibraryDocumentVersion>();
    public DbSet<CopPortal.Domain.Minutes.Agenda> Agendas => Set<CopPortal.Domain.Minutes.Agenda>();
    public DbSet<CopPortal.Domain.Minutes.AgendaItem> AgendaItems => Set<CopPortal.Domain.Minutes.AgendaItem>();
    public DbSet<CopPortal.Domain.Minutes.AgendaTemplate> AgendaTemplates => Set<CopPortal.Domain.Minutes.AgendaTemplate>();
    public DbSet<CopPortal.Domain.Minutes.MeetingMinutes> MeetingMinutes => Set<CopPortal.Domain.Minutes.MeetingMinutes>();
    public DbSet<CopPortal.Domain.Minutes.MinutesItem> MinutesItems => Set<CopPortal.Domain.Minutes.MinutesItem>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<CopPortal.Domain.Forum.ForumThread> ForumThreads => Set<CopPortal.Domain.Forum.ForumThread>();
    public DbSet<CopPortal.Domain.Forum.ForumPost> ForumPosts => Set<CopPortal.Domain.Forum.ForumPost>();
    public DbSet<CopPortal.Domain.Forum.ForumThreadWatch> ForumThreadWatches => Set<CopPortal.Domain.Forum.ForumThreadWatch>();
    public DbSet<CopPortal.Domain.Forum.ForumWatch> ForumWatches => Set<CopPortal.Domain.Forum.ForumWatch>();
    public DbSet<CopPortal.Domain.Forum.ForumReadMark> ForumReadMarks => Set<CopPortal.Domain.Forum.ForumReadMark>();
    public DbSet<CopPortal.Domain.Forum.ForumSearchTerm> ForumSearchTerms => Set<CopPortal.Domain.Forum.ForumSearchTerm>();
    public DbSet<CopPortal.Domain.Forum.ForumReport> ForumReports => Set<CopPortal.Domain.Forum.ForumReport>();
    public DbSet<CopPortal.Domain.Forum.GroundRulesAcceptance> GroundRulesAcceptances => Set<CopPortal.Domain.Forum.GroundRulesAcceptance>();
    public DbSet<CopPortal.Domain.Forum.ForumAttachment> ForumAttachments => Set<CopPortal.Domain.Forum.ForumAttachment>();
    public DbSet<CopPortal.Domain.Escalations.TripleAReport> TripleAReports => Set<CopPortal.Domain.Escalations.TripleAReport>();
    public DbSet<CopPortal.Domain.Escalations.EscalationPoint> EscalationPoints => Set<CopPortal.Domain.Escalations.EscalationPoint>();
    public DbSet<CopPortal.Domain.Escalations.EscalationDestination> EscalationDestinations => Set<CopPortal.Domain.Escalations.EscalationDestination>();
    public DbSet<CopPortal.Domain.Escalations.ReportComment> ReportComments => Set<CopPortal.Domain.Escalations.ReportComment>();
    public DbSet<CopPortal.Domain.Escalations.ReportReminder> ReportReminders => Set<CopPortal.Domain.Escalations.ReportReminder>();
    public DbSet<MeetingInvitationRun> MeetingInvitationRuns => Set<MeetingInvitationRun>();
    public DbSet<CopPortal.Domain.Meetings.CalendarFeed> CalendarFeeds => Set<CopPortal.Domain.Meetings.CalendarFeed>();
    public DbSet<CopPortal.Domain.Caching.ContentVersion> ContentVersions => Set<CopPortal.Domain.Caching.ContentVersion>();

    private long? _contentVersion;

    private static readonly CompiledQuery<Func<CopDbContext, Task<long>>> s_contentVersion = new(() =>
        EF.CompileAsyncQuery((CopDbContext db) => db.ContentVersions.Where(v => v.Id == CopPortal.Domain.Caching.ContentVersion.RowId).Select(v => v.Value).First()));

    /// <summary>The database's content version, read once per unit of work until this context writes content.</summary>
    public async Task<long> ContentVersionAsync() => _contentVersion ??= await s_contentVersion.For(this)(this);

    /// <summary>For a query that read the version along with other data (the community seam's).</summary>
    public void KnowContentVersion(long version) => _contentVersion ??= version;

    /// <summary>Called when this context has written content: its next read of the version goes to the database.</summary>
    public void ForgetContentVersion() => _contentVersion = null;
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The data-protection key ring (cookies, antiforgery and email-link tokens), shared by every instance on this
    /// database and kept by its backups. Encrypted with a certificate when DataProtection:CertificatePath is set.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public bool IsSqlServer => Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset text; all our times are UTC, so a binary number sorts correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Features added since the workspaces (meetings, minutes, library, forum, Triple-A) configure their own
        // entities in IEntityTypeConfiguration classes beside them.
        builder.ApplyConfigurationsFromAssembly(typeof(CopDbContext).Assembly);

        builder.Entity<PortalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.JobTitle).HasMaxLength(200);
            e.Property(u => u.Organisation).HasMaxLength(200);
            e.Property(u => u.Region).HasMaxLength(100);
            // Staff's list of people is in name order, a page at a time.
            e.HasIndex(u => new { u.DisplayName, u.Email });
            // Pages that list people by name (a meeting's replies) join to users by id: this covering index finds the
            // name without reading the wide user row (one B-tree seek per person instead of two, and a far smaller one).
            e.HasIndex(u => new { u.Id, u.DisplayName });
        });

        builder.Entity<Profession>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Abbreviation).HasMaxLength(20);
            e.HasIndex(p => p.Name).IsUnique();
        });

        builder.Entity<AllowedEmailDomain>(e =>
        {
            e.Property(d => d.Domain).HasMaxLength(253);
            e.HasIndex(d => d.Domain).IsUnique();
        });

        builder.Entity<Invitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasOne(i => i.InvitedBy).WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Community>(e =>
        {
            e.Property(c => c.Slug).HasMaxLength(80);
            e.Property(c => c.Name).HasMaxLength(150);
            e.Property(c => c.Summary).HasMaxLength(600);
            e.Property(c => c.SearchText).HasMaxLength(Community.SearchTextMaxLength);
            e.HasIndex(c => c.Slug).IsUnique();
            e.HasIndex(c => c.Name).IsUnique();
            e.HasIndex(c => new { c.Status, c.Name });
            e.HasIndex(c => new { c.Status, c.TermsReviewDueOn });
            e.HasMany(c => c.TermsVersions).WithOne(t => t.Community).HasForeignKey(t => t.CommunityId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(t => t.CommunityId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CommunitySearchTerm>(e =>
        {
            e.HasKey(t => new { t.CommunityId, t.Term });
            e.Property(t => t.Term).HasMaxLength(SearchTerms.MaxTermLength);
            // Prefix ranges need ordinal order; SQLite's default collation already compares bytes. SQL Server's
            // default collations ignore case and accents, so it gets its binary (code point) collation.
            if (IsSqlServer)
            {
                e.Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");
            }
            else if (!IsSqlite)
            {
                e.Property(t => t.Term).UseCollation("C");
            }
            // Word search reads matching terms in order and takes their community ids from the index alone.
            e.HasIndex(t => new { t.Term, t.CommunityId });
        });

        // Staff's people search: the same word-prefix ranges as the directory, so the same ordinal collation.
        builder.Entity<PersonSearchTerm>(e =>
        {
            e.HasKey(t => new { t.UserId, t.Term });
            e.Property(t => t.Term).HasMaxLength(SearchTerms.MaxTermLength);
            if (IsSqlServer)
            {
                e.Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");
            }
            else if (!IsSqlite)
            {
                e.Property(t => t.Term).UseCollation("C");
            }
            e.HasIndex(t => new { t.Term, t.UserId });
            // Derived from the account alone, one cascade path.
            e.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureTermsContent(builder.Entity<TermsVersion>());
        builder.Entity<TermsVersion>(e =>
        {
            e.HasIndex(t => new { t.CommunityId, t.VersionNumber }).IsUnique();
            e.HasOne(t => t.CreatedBy).WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        });
        ConfigureTermsContent(builder.Entity<TermsTemplate>());
        builder.Entity<GroundRules>(e =>
        {
            e.Property(g => g.Text).HasMaxLength(CopPortal.Domain.Communities.GroundRules.MaxLength);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<CommunityEligibleProfession>(e =>
        {
            e.HasKey(p => new { p.CommunityId, p.ProfessionId });
            e.HasIndex(p => p.ProfessionId);
        });

        builder.Entity<CommunityMembership>(e =>
        {
            e.HasIndex(m => new { m.CommunityId, m.UserId }).IsUnique();
            e.HasIndex(m => new { m.UserId, m.CommunityId });
            e.HasIndex(m => new { m.CommunityId, m.Role });
            e.HasOne(m => m.Community).WithMany(c => c.Memberships).HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoreTeamVacancy>(e =>
        {
            e.HasOne(v => v.Community).WithMany(c => c.Vacancies).HasForeignKey(v => v.CommunityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VacancyInterest>(e =>
        {
            e.HasIndex(i => new { i.VacancyId, i.UserId }).IsUnique();
            e.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CommunityProposal>(e =>
        {
            e.HasOne(p => p.Proposer).WithMany().HasForeignKey(p => p.ProposerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.DecidedBy).WithMany().HasForeignKey(p => p.DecidedById).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.Status, p.SubmittedAt });
        });

        builder.Entity<JoinRequest>(e =>
        {
            e.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Applicant).WithMany().HasForeignKey(r => r.ApplicantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.DecidedBy).WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.InformationRequestedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.TermsVersion).WithMany().HasForeignKey(r => r.TermsVersionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Answers).HasConversion(JsonConverter<ApplicationAnswers>(), JsonComparer<ApplicationAnswers>());
            e.Property(r => r.PrecheckResults).HasConversion(JsonConverter<List<CriterionResult>>(), JsonComparer<List<CriterionResult>>());
            e.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(r => new { r.Status, r.SubmittedWeekOf, r.SubmittedAt });
            // The staff queue's default view (requests awaiting a decision, oldest week first) is an equality on
            // InQueue, so both databases read this covering index in order, count weeks without sorting and stop
            // after one page. (A partial index on the status lost to the status index in SQLite's planner, which
            // then sorted every open request; an index on a generated column is not covering in SQLite.)
            e.HasIndex(r => new { r.InQueue, r.SubmittedWeekOf, r.SubmittedAt, r.Id })
                .HasDatabaseName("IX_JoinRequests_Queue");
            e.HasIndex(r => new { r.Status, r.PrecheckOutcome, r.CommunityId });
            e.HasIndex(r => new { r.CommunityId, r.Status, r.WaitlistedAt });
            e.HasIndex(r => new { r.CommunityId, r.Status, r.SubmittedWeekOf, r.SubmittedAt });
            e.HasIndex(r => new { r.ApplicantId, r.CommunityId });
            // One open request per person per CoP, enforced by the database as well as the page.
            e.HasIndex(r => new { r.CommunityId, r.ApplicantId }).IsUnique()
                .HasFilter(IsSqlServer ? JoinRequest.OpenIndexFilter.Replace("\"Status\"", "[Status]", StringComparison.Ordinal) : JoinRequest.OpenIndexFilter).HasDatabaseName("IX_JoinRequests_OneOpenPerApplicant");
        });

        builder.Entity<EqualityMonitoringResponse>(e =>
        {
            e.HasIndex(r => r.CommunityId);
            e.Property(r => r.SubmissionKeyHash).HasMaxLength(EqualityMonitoringResponse.SubmissionKeyHashLength);
            // One response per request, even when the form is replayed or sent twice at once.
            e.HasIndex(r => r.SubmissionKeyHash).IsUnique();
        });

        builder.Entity<CopPortal.Domain.Scheduling.JobRun>(e =>
        {
            // The key is the "once per period" rule: one row per job and period, whichever instance inserts it.
            e.HasKey(r => new { r.JobName, r.PeriodKey });
            e.Property(r => r.JobName).HasMaxLength(100);
            e.Property(r => r.PeriodKey).HasMaxLength(40);
            e.Property(r => r.Owner).HasMaxLength(200);
            e.Property(r => r.LastError).HasMaxLength(1000);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.ToAddress).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Kind).HasMaxLength(100);
            e.Property(m => m.LockedBy).HasMaxLength(200);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.CreatedAt);
            e.HasIndex(m => new { m.ToAddress, m.Kind, m.CreatedAt });
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            // The audit page is keyset-paginated newest first (by Id), filtered by type or by who made the change.
            e.HasIndex(a => new { a.EntityType, a.Id });
            e.HasIndex(a => new { a.UserName, a.Id });
        });
    }

    private static void ConfigureTermsContent<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : TermsContent
    {
        e.Property(t => t.Eligibility).HasConversion(JsonConverter<EligibilityCriteria>(), JsonComparer<EligibilityCriteria>());
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    private static ValueConverter<T, string> JsonConverter<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), s => JsonSerializer.Deserialize<T>(s, JsonOptions) ?? new T());

    private static ValueComparer<T> JsonComparer<T>() where T : new() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
            v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions) ?? new T());

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves the changes and their audit entries atomically.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Even a one-command save runs in a transaction, so the content version rises in the same commit
        // (ContentChangeInterceptor raises it when the transaction commits).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        await KeepSearchTermsInStepAsync(cancellationToken);
        var pending = AuditTrail.Capture(ChangeTracker);
        // Looked for in the tracker, not the audit: the counts include outbox messages, which the audit skips.
        var joinRequestsChanged = queueCounts is not null && ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && JoinQueueCounts.IsCounted(e.Entity));
        var aggregatesChanged = aggregates is not null && ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && CopPortal.Domain.Caching.AggregateCache.IsCounted(e.Entity));
        if (aggregatesChanged)
        {
            aggregates!.Changed();
        }
        if (pending.Count == 0)
        {
            if (!joinRequestsChanged && !aggregatesChanged)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (joinRequestsChanged)
            {
                queueCounts!.Changed();
            }
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (joinRequestsChanged)
            {
                queueCounts!.Changed();
            }
            if (aggregatesChanged)
            {
                aggregates!.Changed();
            }
            return saved;
        }
        var cachedDataChanged = pending.Exists(p => CommunityCache.IsCached(p.Entry.Entity));
        if (cachedDataChanged)
        {
            communityCache?.Changed();
        }
        if (joinRequestsChanged)
        {
            queueCounts?.Changed();
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(AuditTrail.Complete(pending, _actor, _clock.GetUtcNow()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            // Again after commit: a reader between the first call and the commit may have cached the old data.
            if (cachedDataChanged)
            {
                communityCache?.Changed();
            }
            if (joinRequestsChanged)
            {
                queueCounts?.Changed();
            }
            if (aggregatesChanged)
            {
                aggregates?.Changed();
            }
            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back if it throws;
    /// inside a caller's transaction it simply runs. For units of work that write before SaveChanges (such as
    /// <see cref="MembershipService"/>'s atomic count updates), so nothing is left half-saved.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
    }

    /// <summary>Rewrites the search terms of every community whose search text is new or changed in this save.</summary>
    private async Task KeepSearchTermsInStepAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<PortalUser>().ToList())
        {
            var user = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                PersonSearchTerms.AddRange(PersonSearchTerm.For(user).Select(t => new PersonSearchTerm { UserId = user.Id, Term = t }));
            }
            else if (entry.State == EntityState.Modified && (entry.Property(u => u.DisplayName).IsModified || entry.Property(u => u.Email).IsModified))
            {
                var wanted = PersonSearchTerm.For(user);
                var existing = await PersonSearchTerms.Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
                PersonSearchTerms.RemoveRange(existing.Where(t => !wanted.Contains(t.Term)));
                var kept = existing.Select(t => t.Term).ToHashSet();
                PersonSearchTerms.AddRange(wanted.Where(t => !kept.Contains(t)).Select(t => new PersonSearchTerm { UserId = user.Id, Term = t }));
            }
        }
        foreach (var entry in ChangeTracker.Entries<Community>().ToList())
        {
            var community = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                community.SearchTerms = [.. SearchTerms.Distinct(community.SearchText).Select(t => new CommunitySearchTerm { Term = t })];
            }
            else if (entry.State == EntityState.Modified && entry.Property(c => c.SearchText).IsModified)
            {
                var wanted = SearchTerms.Distinct(community.SearchText);
                var existing = await CommunitySearchTerms.Where(t => t.CommunityId == community.Id).ToListAsync(cancellationToken);
                CommunitySearchTerms.RemoveRange(existing.Where(t => !wanted.Contains(t.Term)));
                var kept = existing.Select(t => t.Term).ToHashSet();
                CommunitySearchTerms.AddRange(wanted.Where(t => !kept.Contains(t)).Select(t => new CommunitySearchTerm { CommunityId = community.Id, Term = t }));
            }
        }
    }
}

public sealed class ProviderAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
