using CaseFlow.Engine.Employers;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Cases;

public enum CaseFamily { Aid, Mediation, WageArrears, Hotline, LegalAid, Employment, Petition }

public enum CaseStatus { Open, InProgress, Suspended, Closed, Rejected, Cancelled }

public enum CasePriority { Low, Normal, High, Urgent }

/// <summary>
/// One matter from intake to close (案件): a readable number unique per unit and year, the parties, the
/// money, the deadline, and the workflow instances that move it.
/// </summary>
public sealed class Case
{
    public Guid Id { get; init; }
    /// <summary><c>{year}-{unit code}-{sequence:000000}</c>, e.g. <c>2026-LA-000123</c>.</summary>
    public required string Number { get; init; }
    /// <summary>The number's last part as an integer, so "case 123" is found by an index in any unit and year.</summary>
    public int Sequence { get; init; }
    public Guid UnitId { get; set; }
    public CaseFamily Family { get; init; }
    public CaseStatus Status { get; set; }
    public CasePriority Priority { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public Guid? ApplicantId { get; set; }
    public Guid? EmployerId { get; set; }
    public decimal? AmountClaimed { get; set; }
    public decimal? AmountApproved { get; set; }
    public decimal? AmountPaid { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Comma-separated, each tag trimmed and unique.</summary>
    public string Tags { get; set; } = "";
    /// <summary>A wage-arrears group of several claimants against one employer.</summary>
    public bool IsCollective { get; set; }
    /// <summary>When the group passed its unit's threshold and became a collective incident (群体性事件).</summary>
    public DateTimeOffset? CollectiveFlaggedAt { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<CaseParty> Parties { get; init; } = [];

    /// <summary>
    /// The moves a case may make. Closed and rejected cases can be reopened (an objection during public
    /// disclosure, a failed bank transfer, an appeal); a cancelled case stays cancelled.
    /// </summary>
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Moves = new()
    {
        [CaseStatus.Open] = [CaseStatus.InProgress, CaseStatus.Suspended, CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Cancelled],
        [CaseStatus.InProgress] = [CaseStatus.Suspended, CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Cancelled],
        [CaseStatus.Suspended] = [CaseStatus.InProgress, CaseStatus.Cancelled],
        [CaseStatus.Closed] = [CaseStatus.InProgress],
        [CaseStatus.Rejected] = [CaseStatus.InProgress],
        [CaseStatus.Cancelled] = [],
    };

    public static IReadOnlyList<CaseStatus> MovesFrom(CaseStatus status) => Moves[status];

    /// <summary>Closed, rejected or cancelled: struck off, changed only by reopening.</summary>
    public static bool IsFinal(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Cancelled;

    public bool IsDone => IsFinal(Status);

    /// <summary>Moves the case to <paramref name="next"/>, or refuses with 409 <c>case_status_conflict</c>.</summary>
    public void MoveTo(CaseStatus next, DateTimeOffset now)
    {
        if (!Moves[Status].Contains(next))
        {
            throw new Api.ApiProblemException(StatusCodes.Status409Conflict, "case_status_conflict",
                $"A case that is {Status} cannot become {next}.", "status");
        }
        Status = next;
        ClosedAt = IsDone ? now : null;
    }
}

public enum PartyRole { Applicant, Claimant, Respondent, Representative, Witness }

/// <summary>A person or employer taking part in a case; claimants of a collective case each carry their claim.</summary>
public sealed class CaseParty
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public PartyRole Role { get; init; }
    public Guid? PersonId { get; init; }
    public Guid? EmployerId { get; init; }
    public decimal? AmountClaimed { get; set; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>The next sequence number of a unit's cases in a year.</summary>
public sealed class CaseCounter
{
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    public int NextValue { get; set; }
}

public sealed class CaseNote
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Something that happened to a case outside its workflows (opened, status changed, party added...): the timeline's own lines.</summary>
public sealed class CaseEvent
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public string? UserName { get; init; }
    public string? Detail { get; init; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Family).HasConversion<string>();
        builder.Property(c => c.Status).HasConversion<string>();
        builder.Property(c => c.Priority).HasConversion<string>();
        builder.Property(c => c.AmountClaimed).HasPrecision(18, 2);
        builder.Property(c => c.AmountApproved).HasPrecision(18, 2);
        builder.Property(c => c.AmountPaid).HasPrecision(18, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Sequence, c.OpenedAt });
        builder.HasIndex(c => new { c.UnitId, c.OpenedAt });
        builder.HasIndex(c => new { c.Status, c.OpenedAt });
        builder.HasIndex(c => new { c.UnitId, c.Status, c.OpenedAt });
        builder.HasIndex(c => new { c.Family, c.OpenedAt });
        builder.HasIndex(c => c.OpenedAt);
        builder.HasIndex(c => c.ApplicantId);
        builder.HasIndex(c => new { c.EmployerId, c.Family, c.Status });
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> builder)
    {
        builder.ToTable("case_parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Role).HasConversion<string>();
        builder.Property(p => p.AmountClaimed).HasPrecision(18, 2);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CaseId);
        builder.HasIndex(p => p.PersonId);
        builder.HasIndex(p => p.EmployerId);
    }
}

internal sealed class CaseCounterConfiguration : IEntityTypeConfiguration<CaseCounter>
{
    public void Configure(EntityTypeBuilder<CaseCounter> builder)
    {
        builder.ToTable("case_counters");
        builder.HasKey(c => new { c.UnitId, c.Year });
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.CaseId, n.CreatedAt });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}
