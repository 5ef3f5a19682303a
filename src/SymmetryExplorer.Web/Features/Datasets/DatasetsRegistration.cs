namespace SymmetryExplorer.Web.Features.Datasets;

public static class DatasetsRegistration
{
    public static IServiceCollection AddSymxDatasets(this IServiceCollection services)
    {
        services.AddSingleton<DatasetService>();
        return services;
    }
}
