using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Years;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Workflows.Persistence.Configurations;

internal static class RecordColumns
{
    /// <summary>The columns every <see cref="DutyRecord"/> has, and the index the dossier and the oversight views read by.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> builder) where T : DutyRecord
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SourceElementId).HasMaxLength(255);
        builder.HasIndex(r => r.SourceInstanceId);
    }
}

internal sealed class DutyYearConfiguration : IEntityTypeConfiguration<DutyYear>
{
    public void Configure(EntityTypeBuilder<DutyYear> builder)
    {
        builder.ToTable("duty_years");
        RecordColumns.Configure(builder);
        builder.HasIndex(y => y.Year).IsUnique();
    }
}

internal sealed class ProjectItemConfiguration : IEntityTypeConfiguration<ProjectItem>
{
    public void Configure(EntityTypeBuilder<ProjectItem> builder)
    {
        builder.ToTable("project_items");
        RecordColumns.Configure(builder);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(1000);
        builder.Property(p => p.Area).HasMaxLength(255);
        builder.HasIndex(p => new { p.Year, p.Code }).IsUnique();
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("claims");
        RecordColumns.Configure(builder);
        builder.Property(c => c.SubjectId).HasMaxLength(255);
        builder.HasIndex(c => new { c.ProjectItemId, c.SubjectId }).IsUnique();
        builder.HasIndex(c => new { c.SubjectId, c.Year });
    }
}

internal sealed class ListItemConfiguration : IEntityTypeConfiguration<ListItem>
{
    public void Configure(EntityTypeBuilder<ListItem> builder)
    {
        builder.ToTable("list_items");
        RecordColumns.Configure(builder);
        builder.HasDiscriminator<string>("list").HasValue<DutyItem>("Duty").HasValue<RiskItem>("Risk").HasValue<MeasureItem>("Measure");
        builder.Property("list").HasMaxLength(20);
        builder.Property(i => i.SubjectId).HasMaxLength(255);
        builder.Property(i => i.Title).HasMaxLength(1000);
        builder.Property(i => i.OwnerId).HasMaxLength(255);
        builder.Property(i => i.Area).HasMaxLength(255);
        builder.HasIndex(i => new { i.SubjectId, i.Year });
        builder.HasIndex(i => i.OwnerId);
        builder.HasIndex(i => i.FindingId);
    }
}

internal sealed class RiskItemConfiguration : IEntityTypeConfiguration<RiskItem>
{
    public void Configure(EntityTypeBuilder<RiskItem> builder) => builder.Property(r => r.Level).HasMaxLength(40);
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("evidence");
        RecordColumns.Configure(builder);
        builder.Property(e => e.SubjectId).HasMaxLength(255);
        builder.Property(e => e.AddedBy).HasMaxLength(255);
        builder.Property(e => e.Name).HasMaxLength(255);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.ContentType).HasMaxLength(255);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasIndex(e => new { e.SubjectId, e.Sha256 });
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("evidence_contents");
        builder.HasKey(c => c.EvidenceId);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.ToTable("evidence_links");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.TargetKind, l.TargetId, l.EvidenceId }).IsUnique();
        builder.HasIndex(l => l.EvidenceId);
    }
}
