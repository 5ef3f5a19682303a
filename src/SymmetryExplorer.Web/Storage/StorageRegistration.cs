using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SymmetryExplorer.Web.Storage;

/// <summary>Registers the data directory, the SQLite database and data-protection keys, and creates the schema.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddSymxStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<DataDirectory>();
        services.AddDbContextFactory<SymxDbContext>((sp, options) =>
        {
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = sp.GetRequiredService<DataDirectory>().DatabasePath,
                Cache = SqliteCacheMode.Shared,
                Pooling = true,
                DefaultTimeout = 30,
            };
            options.UseSqlite(connection.ToString());
        });
        // Keys live with the data so antiforgery tokens and circuits survive a restart.
        services.AddDataProtection().SetApplicationName("SymmetryExplorer");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<DataDirectory>((options, dir) =>
                options.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(dir.KeysRoot), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        return services;
    }

    /// <summary>
    /// Creates the database on first start and turns on write-ahead logging, so viewers keep
    /// reading while the event writer writes.
    /// </summary>
    public static void InitializeDatabase(this IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<SymxDbContext>>().CreateDbContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Database.ExecuteSqlRaw("PRAGMA synchronous=NORMAL;");
    }
}
