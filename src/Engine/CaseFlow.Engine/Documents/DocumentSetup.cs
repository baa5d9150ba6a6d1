using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Engine.Documents;

public static class DocumentSetup
{
    /// <summary>The settings and the file-system store; a host may register another <see cref="IDocumentStore"/> first.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => DocumentSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(sp.GetRequiredService<DocumentSettings>()));
        return services;
    }
}
