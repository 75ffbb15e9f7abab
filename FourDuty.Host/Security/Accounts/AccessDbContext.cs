using FourDuty.Engine.Persistence;
using FourDuty.Host.Security.AccessTokens;
using FourDuty.Host.Security.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Host.Security.Accounts;

/// <summary>
/// Who may sign in and what they did: Identity's accounts and roles, personal access tokens, the audit trail and the
/// data protection keys (shared by every node, so a cookie made by one node is read by another). The tables live in
/// the engine's database (<see cref="FourDuty.Engine.Persistence.SharedDatabase"/>), on PostgreSQL in the schema
/// <c>access</c>; their names start with <c>access_</c> or <c>audit_</c> because SQLite has one namespace for all.
/// </summary>
internal abstract class AccessDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const string Schema = "access";
    public const string HistoryTable = "ef_migrations_history_access";

    public DbSet<AccessTokenRecord> AccessTokens => Set<AccessTokenRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>().ToTable("access_accounts");
        builder.Entity<IdentityRole>().ToTable("access_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("access_account_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("access_account_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("access_account_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("access_account_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("access_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("access_data_protection_keys");
        builder.ApplyConfiguration(new AccessTokenConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
    }
}

/// <summary>The access tables on PostgreSQL, in the schema <c>access</c>.</summary>
internal sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
    }
}

/// <summary>The access tables in the embedded SQLite file.</summary>
internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.StoreInstantsAsUtcTicks();
    }
}
