using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Workflows.Persistence.Configurations;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("feedback");
        RecordColumns.Configure(builder);
        builder.Property(f => f.Title).HasMaxLength(1000);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings");
        RecordColumns.Configure(builder);
        builder.Property(f => f.SubjectId).HasMaxLength(255);
        builder.Property(f => f.LeaderId).HasMaxLength(255);
        builder.Property(f => f.Department).HasMaxLength(255);
        builder.Property(f => f.Area).HasMaxLength(255);
        builder.HasIndex(f => new { f.FeedbackId, f.Number }).IsUnique();
        builder.HasIndex(f => f.SubjectId);
    }
}

internal sealed class RectificationRoundConfiguration : IEntityTypeConfiguration<RectificationRound>
{
    public void Configure(EntityTypeBuilder<RectificationRound> builder)
    {
        builder.ToTable("rectification_rounds");
        RecordColumns.Configure(builder);
        builder.Property(r => r.SubjectId).HasMaxLength(255);
        builder.HasIndex(r => new { r.FindingId, r.Round }).IsUnique();
    }
}

internal sealed class VerificationConfiguration : IEntityTypeConfiguration<Verification>
{
    public void Configure(EntityTypeBuilder<Verification> builder)
    {
        builder.ToTable("verifications");
        RecordColumns.Configure(builder);
        builder.Property(v => v.By).HasMaxLength(255);
        builder.HasIndex(v => new { v.FindingId, v.Round }).IsUnique();
    }
}

internal sealed class CloseOutSignOffConfiguration : IEntityTypeConfiguration<CloseOutSignOff>
{
    public void Configure(EntityTypeBuilder<CloseOutSignOff> builder)
    {
        builder.ToTable("close_out_sign_offs");
        RecordColumns.Configure(builder);
        builder.Property(s => s.PersonId).HasMaxLength(255);
        builder.HasIndex(s => new { s.FindingId, s.Role }).IsUnique();
    }
}

internal sealed class WrittenReportConfiguration : IEntityTypeConfiguration<WrittenReport>
{
    public void Configure(EntityTypeBuilder<WrittenReport> builder)
    {
        builder.ToTable("written_reports");
        RecordColumns.Configure(builder);
        builder.Property(r => r.Title).HasMaxLength(1000);
        builder.HasIndex(r => r.FeedbackId);
    }
}
