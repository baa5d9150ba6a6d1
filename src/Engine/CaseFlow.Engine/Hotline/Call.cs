using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Hotline;

public enum CallUrgency { Normal, Urgent, Emergency }

public enum CallOutcome { Open, Answered, CaseOpened, AddedToCase }

/// <summary>A call to the rights hotline (or a visit to the window): answered directly or turned into a case.</summary>
public sealed class Call
{
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public required string CallerPhone { get; init; }
    public string? CallerName { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>What the caller wants: <c>wage_arrears</c>, <c>mediation</c>, <c>aid</c>, <c>legal_advice</c>, ...</summary>
    public required string Category { get; set; }
    public Guid? EmployerId { get; set; }
    public string? EmployerName { get; set; }
    public required string Description { get; set; }
    public CallUrgency Urgency { get; set; }
    public CallOutcome Outcome { get; set; }
    public string? Answer { get; set; }
    public Guid? CaseId { get; set; }
    public required string Operator { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int Version { get; set; }

    public bool IsClosed => Outcome != CallOutcome.Open;

    /// <summary>Answered on the phone: the call is done.</summary>
    public void AnswerWith(string answer)
    {
        EnsureOpen();
        Outcome = CallOutcome.Answered;
        Answer = answer;
    }

    /// <summary>Turned into a case, or added as a claimant to an open collective one.</summary>
    public void RouteTo(Guid caseId, bool joined)
    {
        EnsureOpen();
        Outcome = joined ? CallOutcome.AddedToCase : CallOutcome.CaseOpened;
        CaseId = caseId;
    }

    /// <summary>A call is closed once: answered or routed, never both, never twice.</summary>
    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new Api.ApiProblemException(StatusCodes.Status409Conflict, "call_already_closed",
                $"Call {Id} is already closed ({Outcome}).");
        }
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Urgency).HasConversion<string>();
        builder.Property(c => c.Outcome).HasConversion<string>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CallerPhone, c.ReceivedAt });
        builder.HasIndex(c => new { c.UnitId, c.ReceivedAt });
        builder.HasIndex(c => c.CaseId);
    }
}
