using Microsoft.EntityFrameworkCore;

namespace SymmetryExplorer.Web.Storage;

/// <summary>The application's SQLite database: data sets, runs and their event streams.</summary>
public sealed class SymxDbContext(DbContextOptions<SymxDbContext> options) : DbContext(options)
{
    public DbSet<DatasetRecord> Datasets => Set<DatasetRecord>();
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<RunEventRecord> RunEvents => Set<RunEventRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DatasetRecord>(e =>
        {
            e.ToTable("datasets");
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.CreatedAt);
        });
        model.Entity<RunRecord>(e =>
        {
            e.ToTable("runs");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.CreatedAt);
            e.HasIndex(r => r.Status);
        });
        model.Entity<RunEventRecord>(e =>
        {
            e.ToTable("run_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.RunId, x.Seq }).IsUnique();
            e.HasIndex(x => new { x.RunId, x.Kind, x.Name });
        });
    }

    // SQLite cannot order or compare DateTimeOffset natively: store UTC ticks.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
