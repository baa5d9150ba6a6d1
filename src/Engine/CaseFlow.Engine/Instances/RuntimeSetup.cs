using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Engine.Instances;

public static class RuntimeSetup
{
    /// <summary>The command path: parsed definitions and decisions, the per-request command runner, the clock.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<DecisionCache>();
        services.AddScoped<DecisionEvaluator>();
        services.AddScoped<InstanceCommands>();
        services.AddSingleton<BackgroundCommands>();
        return services;
    }
}
