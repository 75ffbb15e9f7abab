using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Calendar;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Organization;
using FourDuty.Workflows.Rectification;
using FourDuty.Workflows.Seeds;
using FourDuty.Workflows.Talks;
using FourDuty.Workflows.Years;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Persistence;

/// <summary>
/// The college's records, in the engine's database (PostgreSQL schema <c>duty</c>; on SQLite, tables whose names the
/// engine does not use). One subclass per provider carries its migrations; code depends on this type only.
/// </summary>
public abstract class DutyDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The PostgreSQL schema of the domain's tables and its migrations history.</summary>
    public const string Schema = "duty";

    /// <summary>The domain's migrations history table.</summary>
    public const string HistoryTable = "ef_migrations_history_duty";

#pragma warning disable CS1591 // One set per record; the record types say what they hold.
    public DbSet<PersonRecord> People => Set<PersonRecord>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<PortfolioArea> Areas => Set<PortfolioArea>();
    public DbSet<CadreAuthority> CadreAuthority => Set<CadreAuthority>();
    public DbSet<DutyYear> Years => Set<DutyYear>();
    public DbSet<ProjectItem> ProjectItems => Set<ProjectItem>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ListItem> ListItems => Set<ListItem>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<RectificationRound> RectificationRounds => Set<RectificationRound>();
    public DbSet<Verification> Verifications => Set<Verification>();
    public DbSet<CloseOutSignOff> SignOffs => Set<CloseOutSignOff>();
    public DbSet<WrittenReport> WrittenReports => Set<WrittenReport>();
    public DbSet<Lapse> Lapses => Set<Lapse>();
    public DbSet<LapseAnnotation> LapseAnnotations => Set<LapseAnnotation>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<ReminderTalk> Talks => Set<ReminderTalk>();
    public DbSet<TalkCommitment> Commitments => Set<TalkCommitment>();
    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<CalendarEntryRecord> CalendarEntries => Set<CalendarEntryRecord>();
    public DbSet<SeedFile> SeedFiles => Set<SeedFile>();
    public DbSet<HandlerRun> HandlerRuns => Set<HandlerRun>();
#pragma warning restore CS1591

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DutyDbContext).Assembly);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums by name, as the engine stores them: readable in psql, safe to reorder.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

/// <summary>The domain's tables on PostgreSQL, in the schema <c>duty</c>.</summary>
public sealed class PostgresDutyDbContext(DbContextOptions<PostgresDutyDbContext> options) : DutyDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The domain's tables in the embedded SQLite file.</summary>
public sealed class SqliteDutyDbContext(DbContextOptions<SqliteDutyDbContext> options) : DutyDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        Engine.Persistence.SharedDatabase.StoreInstantsAsUtcTicks(configurationBuilder);
    }
}
