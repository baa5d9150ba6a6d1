using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseFlow.Engine.Tests.Timers;

public sealed class StartTimerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static string StartEvent(string processId, string timer) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://caseflow.example/tests">
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="every"><bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="toCheck" sourceRef="every" targetRef="recheck" />
            <bpmn:userTask id="recheck" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<IReadOnlyList<InstanceSummaryDto>> InstancesOfAsync(string processId) =>
        (await (await _client.GetAsync($"/api/instances?processId={processId}")).ReadAsync<PageDto<InstanceSummaryDto>>()).Items;

    private async Task<IReadOnlyCollection<IJobDetail>> StartJobsAsync(string processId)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(StartTimerJob.GroupOf(processId)));
        var jobs = new List<IJobDetail>();
        foreach (var key in keys) jobs.Add((await scheduler.GetJobDetail(key))!);
        return jobs;
    }

    [Fact]
    public async Task A_timer_start_cycle_of_two_repetitions_starts_two_instances()
    {
        await _client.DeployAsync("timer-start");

        var instances = await Eventually.UntilAsync(() => InstancesOfAsync("timer-start"), i => i.Count >= 2, what: "two instances");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(2, (await InstancesOfAsync("timer-start")).Count);
        Assert.All(instances, i => Assert.Equal("Active", i.Status));
        Assert.Empty(await StartJobsAsync("timer-start"));
    }

    [Fact]
    public async Task A_new_version_replaces_the_start_schedule_of_the_old_one()
    {
        var first = await (await _client.DeployXmlAsync(StartEvent("yearly-check", "<bpmn:timeDate>2099-01-01T09:00:00+08:00</bpmn:timeDate>")))
            .ReadAsync<CaseFlow.Engine.Definitions.DeploymentDto>(HttpStatusCode.Created);
        var second = await (await _client.DeployXmlAsync(StartEvent("yearly-check", "<bpmn:timeDate>2098-06-01T09:00:00+08:00</bpmn:timeDate>")))
            .ReadAsync<CaseFlow.Engine.Definitions.DeploymentDto>(HttpStatusCode.Created);

        var job = Assert.Single(await StartJobsAsync("yearly-check"));

        Assert.Equal(second.Id.ToString(), job.JobDataMap.GetString("definition"));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task A_cron_cycle_fires_at_nine_in_the_morning_china_time_on_working_days()
    {
        await _client.DeployXmlAsync(StartEvent("morning-check", "<bpmn:timeCycle>0 0 9 * * MON-FRI</bpmn:timeCycle>"));

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = Assert.Single(await StartJobsAsync("morning-check"));
        var trigger = Assert.Single(await scheduler.GetTriggersOfJob(job.Key));
        var next = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        Assert.Equal(new TimeSpan(9, 0, 0), next.TimeOfDay);
        Assert.NotEqual(DayOfWeek.Saturday, next.DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, next.DayOfWeek);
    }

    [Fact]
    public async Task A_start_timer_that_is_not_a_date_is_refused_with_its_element_and_nothing_is_deployed()
    {
        var response = await _client.DeployXmlAsync(StartEvent("never-check", "<bpmn:timeDate>=\"next Tuesday\"</bpmn:timeDate>"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("every", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/definitions/never-check/versions")).StatusCode);
    }
}
