using FourDuty.Workflows.Assessment;
using FourDuty.Workflows.Calendar;
using FourDuty.Workflows.Handlers;
using FourDuty.Workflows.Seeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Workflows.Persistence.Configurations;

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> builder)
    {
        builder.ToTable("assessments");
        RecordColumns.Configure(builder);
        builder.HasDiscriminator<string>("record")
            .HasValue<SelfAssessment>(nameof(AssessmentKind.SelfAssessment))
            .HasValue<AnalysisMeeting>(nameof(AssessmentKind.AnalysisMeeting))
            .HasValue<DutyReport>(nameof(AssessmentKind.DutyReport))
            .HasValue<CommitteeSummary>(nameof(AssessmentKind.CommitteeSummary));
        builder.Property("record").HasMaxLength(40);
        builder.Property(a => a.SubjectId).HasMaxLength(255);
        builder.Property(a => a.PersonId).HasMaxLength(255);
        builder.Property(a => a.Period).HasMaxLength(40);
        // One record per kind, subject and period: a second submission updates it. (Null subjects compare as equal nowhere, so
        // the committee's own records are kept unique by the handler.)
        builder.HasIndex("record", nameof(AssessmentRecord.Year), nameof(AssessmentRecord.SubjectId), nameof(AssessmentRecord.Period));
    }
}

internal sealed class DutyReportConfiguration : IEntityTypeConfiguration<DutyReport>
{
    public void Configure(EntityTypeBuilder<DutyReport> builder) => builder.Property(r => r.Evaluation).HasMaxLength(255);
}

internal sealed class CalendarYearRecordConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(2000);
        builder.Property(y => y.UpdatedBy).HasMaxLength(255);
    }
}

internal sealed class CalendarEntryRecordConfiguration : IEntityTypeConfiguration<CalendarEntryRecord>
{
    public void Configure(EntityTypeBuilder<CalendarEntryRecord> builder)
    {
        builder.ToTable("calendar_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(255);
        builder.HasIndex(e => e.Year);
    }
}

internal sealed class SeedFileConfiguration : IEntityTypeConfiguration<SeedFile>
{
    public void Configure(EntityTypeBuilder<SeedFile> builder)
    {
        builder.ToTable("seed_files");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Sha256).HasMaxLength(64);
    }
}

internal sealed class HandlerRunConfiguration : IEntityTypeConfiguration<HandlerRun>
{
    public void Configure(EntityTypeBuilder<HandlerRun> builder)
    {
        builder.ToTable("handler_runs");
        builder.HasKey(r => r.JobId);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.ElementId).HasMaxLength(255);
    }
}
