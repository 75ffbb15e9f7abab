using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "fourduty");

            migrationBuilder.CreateTable(
                name: "form_definitions",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    form_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    deployment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instances",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    business_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    parent_token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    handler_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retries_left = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "process_definitions",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    deployment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_tag = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    resource_name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scopes",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_scope_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner_token_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    correlation_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scope_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_links",
                schema: "fourduty",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_links", x => x.token_hash);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scope_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cycle = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    fired_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tokens",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    called_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    arrived_via = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_tasks",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    owner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    candidate_users = table.Column<string>(type: "text", nullable: true),
                    candidate_groups = table.Column<string>(type: "text", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    form_key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    completed_by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "variables",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variables", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_definitions_deployment_id",
                schema: "fourduty",
                table: "form_definitions",
                column: "deployment_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_definitions_key_version",
                schema: "fourduty",
                table: "form_definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_history_instance_id_at",
                schema: "fourduty",
                table: "history",
                columns: new[] { "instance_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id",
                schema: "fourduty",
                table: "incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_business_key",
                schema: "fourduty",
                table: "instances",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definition_key_status",
                schema: "fourduty",
                table: "instances",
                columns: new[] { "definition_key", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_parent_instance_id",
                schema: "fourduty",
                table: "instances",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_due_at",
                schema: "fourduty",
                table: "jobs",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_instance_id",
                schema: "fourduty",
                table: "jobs",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_key",
                schema: "fourduty",
                table: "outbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_status_due_at",
                schema: "fourduty",
                table: "outbox",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_content_hash",
                schema: "fourduty",
                table: "process_definitions",
                columns: new[] { "key", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_version",
                schema: "fourduty",
                table: "process_definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scopes_instance_id",
                schema: "fourduty",
                table: "scopes",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_instance_id",
                schema: "fourduty",
                table: "subscriptions",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_kind_name",
                schema: "fourduty",
                table: "subscriptions",
                columns: new[] { "kind", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_task_links_task_id",
                schema: "fourduty",
                table: "task_links",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_definition_id",
                schema: "fourduty",
                table: "timers",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_due_at",
                schema: "fourduty",
                table: "timers",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_timers_instance_id",
                schema: "fourduty",
                table: "timers",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_tokens_instance_id",
                schema: "fourduty",
                table: "tokens",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id_status",
                schema: "fourduty",
                table: "user_tasks",
                columns: new[] { "instance_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_assignee",
                schema: "fourduty",
                table: "user_tasks",
                columns: new[] { "status", "assignee" });

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_due_at",
                schema: "fourduty",
                table: "user_tasks",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_variables_instance_id",
                schema: "fourduty",
                table: "variables",
                column: "instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_definitions",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "history",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "instances",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "process_definitions",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "scopes",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "subscriptions",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "task_links",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "timers",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "tokens",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "user_tasks",
                schema: "fourduty");

            migrationBuilder.DropTable(
                name: "variables",
                schema: "fourduty");
        }
    }
}
