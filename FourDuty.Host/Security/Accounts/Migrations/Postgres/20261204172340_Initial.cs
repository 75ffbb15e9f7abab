using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FourDuty.Host.Security.Accounts.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "access");

            migrationBuilder.CreateTable(
                name: "access_accounts",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    roles_set_by_admin = table.Column<bool>(type: "boolean", nullable: false),
                    from_organization = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_data_protection_keys",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_personal_tokens",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_personal_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_roles",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    via = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_account_claims",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_account_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_account_claims_access_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "access",
                        principalTable: "access_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_account_logins",
                schema: "access",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_account_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_access_account_logins_access_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "access",
                        principalTable: "access_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_account_tokens",
                schema: "access",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_account_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_access_account_tokens_access_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "access",
                        principalTable: "access_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_account_roles",
                schema: "access",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_account_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_access_account_roles_access_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "access",
                        principalTable: "access_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_access_account_roles_access_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "access",
                        principalTable: "access_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_role_claims",
                schema: "access",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_role_claims_access_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "access",
                        principalTable: "access_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_account_claims_user_id",
                schema: "access",
                table: "access_account_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_account_logins_user_id",
                schema: "access",
                table: "access_account_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_account_roles_role_id",
                schema: "access",
                table: "access_account_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "access",
                table: "access_accounts",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "access",
                table: "access_accounts",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_personal_tokens_hash",
                schema: "access",
                table: "access_personal_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_personal_tokens_owner",
                schema: "access",
                table: "access_personal_tokens",
                column: "owner");

            migrationBuilder.CreateIndex(
                name: "ix_access_role_claims_role_id",
                schema: "access",
                table: "access_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "access",
                table: "access_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_at",
                schema: "access",
                table: "audit_entries",
                columns: new[] { "actor", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "access",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_operation_at",
                schema: "access",
                table: "audit_entries",
                columns: new[] { "operation", "at" });

            // The audit trail is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION access.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON access.audit_entries
                    FOR EACH ROW EXECUTE FUNCTION access.audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON access.audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION access.audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON access.audit_entries; DROP TRIGGER audit_entries_no_change ON access.audit_entries; DROP FUNCTION access.audit_entries_append_only();");
            migrationBuilder.DropTable(
                name: "access_account_claims",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_account_logins",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_account_roles",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_account_tokens",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_data_protection_keys",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_personal_tokens",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_role_claims",
                schema: "access");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_accounts",
                schema: "access");

            migrationBuilder.DropTable(
                name: "access_roles",
                schema: "access");
        }
    }
}
