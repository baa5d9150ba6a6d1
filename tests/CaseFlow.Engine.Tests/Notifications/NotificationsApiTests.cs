using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Notifications;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Hotline;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Notifications;

/// <summary>A user's own notifications, raised here by a collective wage-arrears incident (threshold 3).</summary>
public sealed class NotificationsApiTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private static async Task<PageDto<NotificationDto>> MineAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/notifications?{query}")).ReadAsync<PageDto<NotificationDto>>();

    /// <summary>Claims against a new employer in TownA until the case is flagged; returns the case.</summary>
    private async Task<Guid> IncidentAsync()
    {
        var units = await app.UnitsAsync();
        var employer = await app.EmployerAsync(units.TownA);
        var client = await app.ClientAsAsync(units.TownA, Roles.Operator);
        RoutedCallDto? last = null;
        for (var i = 0; i < HotlineApp.Threshold; i++) last = await client.ClaimAsync(units.TownA, employer.Id, 2000m);
        Assert.True(last!.Case.Flagged);
        return last.Case.Id;
    }

    [Fact]
    public async Task A_county_supervisor_finds_the_collective_incident_among_their_unread_notifications()
    {
        var units = await app.UnitsAsync();
        var supervisor = await app.ClientAsAsync(units.County, Roles.Supervisor);

        var caseId = await IncidentAsync();

        var mine = await MineAsync(supervisor, "unread=true");
        var notification = Assert.Single(mine.Items, n => n.CaseId == caseId);
        Assert.Equal("collective_incident", notification.Kind);
        Assert.Null(notification.ReadAt);
        Assert.Contains("3 名职工", notification.Title);
    }

    [Fact]
    public async Task Reading_a_notification_marks_it_read_and_puts_it_after_the_unread_ones()
    {
        var units = await app.UnitsAsync();
        var supervisor = await app.ClientAsAsync(units.TownA, Roles.Supervisor);
        var first = await IncidentAsync();
        var second = await IncidentAsync();
        var older = (await MineAsync(supervisor)).Items.Single(n => n.CaseId == first);

        var read = await (await supervisor.PostJsonAsync($"/api/notifications/{older.Id}/read", null)).ReadAsync<NotificationDto>();

        Assert.NotNull(read.ReadAt);
        var mine = await MineAsync(supervisor);
        Assert.Equal([second, first], mine.Items.Select(n => n.CaseId!.Value).Where(id => id == first || id == second));
        Assert.Equal([second], (await MineAsync(supervisor, "unread=true")).Items.Select(n => n.CaseId!.Value).Where(id => id == first || id == second));
    }

    [Fact]
    public async Task Another_users_notification_does_not_exist_for_me_404()
    {
        var units = await app.UnitsAsync();
        var supervisor = await app.ClientAsAsync(units.County, Roles.Supervisor);
        var caseId = await IncidentAsync();
        var theirs = (await MineAsync(supervisor)).Items.Single(n => n.CaseId == caseId);
        var someoneElse = await app.ClientAsAsync(units.County, Roles.Supervisor, Roles.Admin);

        var response = await someoneElse.PostJsonAsync($"/api/notifications/{theirs.Id}/read", null);

        await response.ProblemAsync(HttpStatusCode.NotFound, "notification_not_found");
        Assert.DoesNotContain((await MineAsync(someoneElse)).Items, n => n.Id == theirs.Id);
    }

    [Fact]
    public async Task A_supervisor_of_another_town_is_not_notified()
    {
        var units = await app.UnitsAsync();
        var otherTown = await app.ClientAsAsync(units.TownB, Roles.Supervisor);

        var caseId = await IncidentAsync();

        Assert.DoesNotContain((await MineAsync(otherTown)).Items, n => n.CaseId == caseId);
    }

    [Fact]
    public async Task A_page_size_out_of_range_returns_400()
    {
        var units = await app.UnitsAsync();
        var supervisor = await app.ClientAsAsync(units.County, Roles.Supervisor);

        var response = await supervisor.GetAsync("/api/notifications?pageSize=0");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
    }
}
