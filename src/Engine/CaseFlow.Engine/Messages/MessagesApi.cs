using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Engine.Messages;

/// <param name="TimeToLive">Milliseconds a message that reached nobody waits for a subscription (default 0: it is dropped).</param>
/// <param name="MessageId">Publishing the same id again changes nothing and answers as the first time.</param>
public sealed record PublishMessageRequest(string? Name, string? CorrelationKey, JsonElement? Variables, long? TimeToLive, string? MessageId);

public sealed record PublishedMessageDto(
    Guid Key, string Name, string CorrelationKey, string? MessageId, IReadOnlyList<Guid> CorrelatedInstances,
    IReadOnlyList<Guid> StartedInstances, bool Buffered, DateTimeOffset? BufferedUntil);

/// <summary>The <c>Messages</c> configuration section.</summary>
public sealed class MessageOptions
{
    /// <summary>How long a message id is remembered after publication (at least as long as the message is buffered).</summary>
    public TimeSpan IdRetention { get; set; } = TimeSpan.FromDays(1);
}

public static class MessagesApi
{
    public const int MaxMessageIdLength = 200;
    /// <summary>A year.</summary>
    public const long MaxTimeToLive = 365L * 24 * 3600 * 1000;

    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessageOptions>().BindConfiguration("Messages");
        return services;
    }

    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages");
        group.MapPost("/", Publish).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<PublishedMessageDto>, ProblemHttpResult>> Publish(
        PublishMessageRequest request, CaseFlowDb db, InstanceCommands commands, IOptions<MessageOptions> options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return Problems.Invalid("field_required", "name is required.", "name");
        if (request.TimeToLive is < 0 or > MaxTimeToLive)
            return Problems.Invalid("invalid_field", $"timeToLive must be between 0 and {MaxTimeToLive} milliseconds.", "timeToLive");
        if (request.MessageId is { Length: 0 or > MaxMessageIdLength })
            return Problems.Invalid("invalid_field", $"messageId must be 1 to {MaxMessageIdLength} characters.", "messageId");
        var variables = Variables.Read(request.Variables) ?? new Dictionary<string, object?>();

        if (request.MessageId is { } messageId
            && await db.Messages.AsNoTracking().Where(m => m.MessageId == messageId).Select(m => m.Response).SingleOrDefaultAsync(ct) is { } first)
            return TypedResults.Ok(JsonSerializer.Deserialize<PublishedMessageDto>(first, JsonSerializerOptions.Web)!);

        var correlationKey = request.CorrelationKey ?? "";
        var outcome = await commands.PublishAsync(request.Name, correlationKey, variables, ct);
        var now = commands.Now;
        var ttl = TimeSpan.FromMilliseconds(request.TimeToLive ?? 0);
        var buffered = outcome.Correlated.Count == 0 && outcome.Started.Count == 0 && ttl > TimeSpan.Zero;
        var dto = new PublishedMessageDto(Guid.CreateVersion7(now), request.Name, correlationKey, request.MessageId,
            outcome.Correlated, outcome.Started, buffered, buffered ? now + ttl : null);
        if (buffered || request.MessageId is not null)
        {
            var keepFor = request.MessageId is null ? ttl : TimeSpan.FromTicks(Math.Max(ttl.Ticks, options.Value.IdRetention.Ticks));
            db.Messages.Add(new PublishedMessage
            {
                Id = dto.Key, Name = dto.Name, CorrelationKey = correlationKey, Variables = VariableJson.Serialize(variables),
                MessageId = request.MessageId, PublishedAt = now, BufferedUntil = dto.BufferedUntil, DeleteAfter = now + keepFor,
                Response = JsonSerializer.Serialize(dto, JsonSerializerOptions.Web),
            });
        }
        // A concurrent publication of the same message id loses on the unique index (409 concurrent_update);
        // retried, it finds the first one and answers with it.
        await commands.SaveAsync(ct);
        return TypedResults.Ok(dto);
    }
}
