using FourDuty.Engine.Deployment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Engine.Persistence.Configurations;

internal sealed class ProcessDefinitionRecordConfiguration : IEntityTypeConfiguration<ProcessDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionRecord> builder)
    {
        builder.ToTable("process_definitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Key).HasMaxLength(255);
        builder.Property(d => d.Name).HasMaxLength(1000);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.VersionTag).HasMaxLength(255);
        builder.Property(d => d.ResourceName).HasMaxLength(1000);
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.Key, d.ContentHash });
    }
}

internal sealed class FormDefinitionRecordConfiguration : IEntityTypeConfiguration<FormDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<FormDefinitionRecord> builder)
    {
        builder.ToTable("form_definitions");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Key).HasMaxLength(255);
        builder.Property(f => f.FormId).HasMaxLength(255);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
        builder.HasIndex(f => new { f.Key, f.Version }).IsUnique();
        builder.HasIndex(f => f.DeploymentId);
    }
}
