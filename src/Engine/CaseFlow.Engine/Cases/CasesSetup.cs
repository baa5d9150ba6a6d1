namespace CaseFlow.Engine.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseNumbers>();
        services.AddScoped<CaseOpening>();
        services.AddScoped<CaseSearch>();
        return services;
    }
}
