using CaseFlow.Engine.Api;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.History;
using CaseFlow.Engine.Hosting;
using CaseFlow.Engine.Idempotency;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Units;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl();
builder.Services.AddCaseFlowPersistence();
builder.Services.AddCaseFlowSecurity(builder.Configuration);
builder.Services.AddWorkflowRuntime();
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddWorkCalendar();
builder.Services.AddJobs();
builder.Services.AddMessages();
builder.Services.AddApiErrors();
builder.Services.AddIdempotency();
builder.Services.AddOpenApi();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.EnsureFirstRunAsync();
app.UseApiErrors();
app.UseCaseFlowSecurity();
app.UseIdempotency();
app.MapOpenApi().AllowAnonymous();

var api = app.MapApi();
api.MapAuth();
api.MapUnits();
api.MapUsers();
api.MapTokens();
api.MapDefinitions();
api.MapDecisions();
api.MapInstances();
api.MapHistory();
api.MapTasks();
api.MapScheduler();
api.MapCalendars();
api.MapJobs();
api.MapIncidents();
api.MapMessages();

app.LogListeningAddresses();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
