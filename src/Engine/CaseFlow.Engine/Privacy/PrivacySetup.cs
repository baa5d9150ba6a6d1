using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Engine.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// Data Protection with its key ring in the database (table data_protection_keys) under one application
    /// name, so every node shares the keys and cookies and ciphers survive restarts; and the personal data
    /// service built on it. See docs/privacy.md.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("CaseFlow")
            .PersistKeysToDbContext<CaseFlowDb>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UnitTreeCache>();
        services.AddSingleton<PersonalData>();
        services.AddHostedService<PrivacyWarmUp>();
        return services;
    }
}
