using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Documents;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.History;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Idempotency;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Notifications;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Persistence;

/// <summary>
/// The service's database. The schema is not created by EF: versioned SQL scripts under
/// Persistence/Migrations do that, and a test checks that this model matches what they build.
/// </summary>
public sealed class CaseFlowDb : DbContext, IDataProtectionKeyContext
{
    public CaseFlowDb(DbContextOptions<CaseFlowDb> options) : base(options)
    {
        // A command owns its transaction and SaveChanges runs once inside it: savepoints around that
        // one call would only add two statements to every command.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Definition> Definitions => Set<Definition>();
    public DbSet<DefinitionDraft> DefinitionDrafts => Set<DefinitionDraft>();
    public DbSet<DecisionDefinition> DecisionDefinitions => Set<DecisionDefinition>();
    public DbSet<DeployedDecision> Decisions => Set<DeployedDecision>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<UserTask> UserTasks => Set<UserTask>();
    public DbSet<TaskCandidate> TaskCandidates => Set<TaskCandidate>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<MessageSubscription> MessageSubscriptions => Set<MessageSubscription>();
    public DbSet<PublishedMessage> Messages => Set<PublishedMessage>();
    public DbSet<MessageStartEvent> MessageStartEvents => Set<MessageStartEvent>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseParty> CaseParties => Set<CaseParty>();
    public DbSet<CaseCounter> CaseCounters => Set<CaseCounter>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Secret> Secrets => Set<Secret>();

    /// <summary>
    /// Who the queries run for. Set when the context is handed to a scope (<see cref="PersistenceSetup"/>);
    /// the global query filters below read it at every query, so each endpoint sees only the actor's units.
    /// </summary>
    public Actor Actor { get; internal set; } = new();

    // The filters read these two members of the context; EF evaluates them per query.
    private bool SeesAllUnits => Actor.SeesAll;
    private Guid[] VisibleUnitIds => _visibleUnitIds ??= [.. Actor.VisibleUnits];
    private Guid[]? _visibleUnitIds;

    public override void Dispose()
    {
        ResetScope();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ResetScope();
        return base.DisposeAsync();
    }

    /// <summary>Pooled contexts are reused by other scopes: forget this one's actor.</summary>
    private void ResetScope()
    {
        Actor = new Actor();
        _visibleUnitIds = null;
    }
    public DbSet<FormDefinition> Forms => Set<FormDefinition>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Visibility by unit, for every query of every endpoint: rows of units outside the actor's subtrees do
    /// not exist for it (so the API answers 404, and case numbers do not leak). The system actor (timers,
    /// jobs, start-up) sees everything.
    /// </summary>
    private void ApplyVisibility(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>().HasQueryFilter(c => SeesAllUnits || VisibleUnitIds.Contains(c.UnitId));
        modelBuilder.Entity<Person>().HasQueryFilter(p => SeesAllUnits || VisibleUnitIds.Contains(p.UnitId));
        modelBuilder.Entity<Call>().HasQueryFilter(c => SeesAllUnits || VisibleUnitIds.Contains(c.UnitId));
        modelBuilder.Entity<Instance>().HasQueryFilter(i => SeesAllUnits || (i.UnitId != null && VisibleUnitIds.Contains(i.UnitId.Value)));
        modelBuilder.Entity<UserTask>().HasQueryFilter(t => SeesAllUnits || (t.UnitId != null && VisibleUnitIds.Contains(t.UnitId.Value)));
        modelBuilder.Entity<CaseParty>().HasQueryFilter(p => SeesAllUnits || Cases.Any(c => c.Id == p.CaseId));
        modelBuilder.Entity<CaseNote>().HasQueryFilter(n => SeesAllUnits || Cases.Any(c => c.Id == n.CaseId));
        modelBuilder.Entity<CaseEvent>().HasQueryFilter(e => SeesAllUnits || Cases.Any(c => c.Id == e.CaseId));
        modelBuilder.Entity<Document>().HasQueryFilter(d => SeesAllUnits || Cases.Any(c => c.Id == d.CaseId));
        modelBuilder.Entity<HistoryEntry>().HasQueryFilter(h => SeesAllUnits || Instances.Any(i => i.Id == h.InstanceId));
        modelBuilder.Entity<Incident>().HasQueryFilter(x => SeesAllUnits || Instances.Any(i => i.Id == x.InstanceId));
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(a => SeesAllUnits || (a.UnitId != null && VisibleUnitIds.Contains(a.UnitId.Value)));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (IsPostgres)
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
        else
        {
            // SQLite has no date type and EF refuses to ORDER BY a DateTimeOffset there: store sortable UTC text.
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DefinitionConfiguration());
        modelBuilder.ApplyConfiguration(new DefinitionDraftConfiguration());
        modelBuilder.ApplyConfiguration(new DecisionDefinitionConfiguration());
        modelBuilder.ApplyConfiguration(new DeployedDecisionConfiguration());
        modelBuilder.ApplyConfiguration(new InstanceConfiguration(IsPostgres));
        modelBuilder.ApplyConfiguration(new UserTaskConfiguration());
        modelBuilder.ApplyConfiguration(new TaskCandidateConfiguration());
        modelBuilder.ApplyConfiguration(new HistoryEntryConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new JobConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentConfiguration());
        modelBuilder.ApplyConfiguration(new MessageSubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new PublishedMessageConfiguration());
        modelBuilder.ApplyConfiguration(new MessageStartEventConfiguration());
        modelBuilder.ApplyConfiguration(new UnitConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new RoleAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new ApiTokenConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new EmployerConfiguration());
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new CasePartyConfiguration());
        modelBuilder.ApplyConfiguration(new CaseCounterConfiguration());
        modelBuilder.ApplyConfiguration(new CaseNoteConfiguration());
        modelBuilder.ApplyConfiguration(new CaseEventConfiguration());
        modelBuilder.ApplyConfiguration(new DocumentConfiguration());
        modelBuilder.ApplyConfiguration(new CallConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        modelBuilder.ApplyConfiguration(new SecretConfiguration());
        ApplyVisibility(modelBuilder);
        modelBuilder.ApplyConfiguration(new FormDefinitionConfiguration());
        SnakeCaseNames.Apply(modelBuilder.Model);
    }
}
