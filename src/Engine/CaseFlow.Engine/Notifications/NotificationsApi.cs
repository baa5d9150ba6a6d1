using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string? Body, Guid? CaseId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A user's own notifications: nobody else's exist for them (404), whatever their roles.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", List);
        group.MapPost("/{id}/read", Read);
        return group;
    }

    /// <summary>Unread first, then newest first; <c>unread=true</c> gives only the unread ones.</summary>
    private static async Task<Results<Ok<PageDto<NotificationDto>>, ProblemHttpResult>> List(
        bool? unread, int? page, int? pageSize, Actor actor, CaseFlowDb db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = Mine(db, actor);
        if (unread == true) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.CaseId, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PageDto<NotificationDto>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    private static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> Read(
        Guid id, Actor actor, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        var notification = await Mine(db, actor).AsTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return Problems.NotFound("notification_not_found", $"Notification {id} does not exist.");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(notification.ToDto());
    }

    /// <summary>The actor's notifications; the system and API tokens are nobody's recipient, so they have none.</summary>
    private static IQueryable<Notification> Mine(CaseFlowDb db, Actor actor)
    {
        var userId = actor.UserId;
        return userId is null
            ? db.Notifications.AsNoTracking().Where(_ => false)
            : db.Notifications.AsNoTracking().Where(n => n.UserId == userId.Value);
    }

    public static NotificationDto ToDto(this Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.CaseId, n.CreatedAt, n.ReadAt);
}
