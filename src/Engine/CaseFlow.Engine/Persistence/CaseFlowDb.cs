using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.History;
using CaseFlow.Engine.Idempotency;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Persistence;

/// <summary>
/// The service's database. The schema is not created by EF: versioned SQL scripts under
/// Persistence/Migrations do that, and a test checks that this model matches what they build.
/// </summary>
public sealed class CaseFlowDb : DbContext
{
    public CaseFlowDb(DbContextOptions<CaseFlowDb> options) : base(options)
    {
        // A command owns its transaction and SaveChanges runs once inside it: savepoints around that
        // one call would only add two statements to every command.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Definition> Definitions => Set<Definition>();
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
    public DbSet<FormDefinition> Forms => Set<FormDefinition>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

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
        modelBuilder.ApplyConfiguration(new FormDefinitionConfiguration());
        SnakeCaseNames.Apply(modelBuilder.Model);
    }
}
