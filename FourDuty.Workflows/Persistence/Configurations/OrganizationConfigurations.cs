using FourDuty.Workflows.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FourDuty.Workflows.Persistence.Configurations;

internal sealed class PersonRecordConfiguration : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(255);
        builder.Property(p => p.Name).HasMaxLength(255);
        builder.Property(p => p.Title).HasMaxLength(255);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Culture).HasMaxLength(35);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("org_units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(255);
        builder.Property(u => u.Name).HasMaxLength(255);
        builder.Property(u => u.HeadId).HasMaxLength(255);
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.ToTable("subjects");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(255);
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.OwnerId).HasMaxLength(255);
        builder.Property(s => s.SupervisingLeaderId).HasMaxLength(255);
        builder.Property(s => s.FirstResponsibleId).HasMaxLength(255);
        builder.Property(s => s.UnitId).HasMaxLength(255);
        builder.HasIndex(s => s.OwnerId);
    }
}

internal sealed class PortfolioAreaConfiguration : IEntityTypeConfiguration<PortfolioArea>
{
    public void Configure(EntityTypeBuilder<PortfolioArea> builder)
    {
        builder.ToTable("portfolio_areas");
        builder.HasKey(a => a.Name);
        builder.Property(a => a.Name).HasMaxLength(255);
        builder.Property(a => a.LeaderId).HasMaxLength(255);
    }
}

internal sealed class CadreAuthorityConfiguration : IEntityTypeConfiguration<CadreAuthority>
{
    public void Configure(EntityTypeBuilder<CadreAuthority> builder)
    {
        builder.ToTable("cadre_authority");
        builder.HasKey(a => a.PersonId);
        builder.Property(a => a.PersonId).HasMaxLength(255);
        builder.Property(a => a.HolderId).HasMaxLength(255);
        builder.Property(a => a.AssistantId).HasMaxLength(255);
    }
}
