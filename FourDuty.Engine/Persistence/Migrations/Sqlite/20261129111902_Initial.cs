using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "form_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    form_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    deployment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    deployed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    job_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    business_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    parent_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    parent_token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    handler_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retries_left = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "process_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    deployment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_tag = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    resource_name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false),
                    deployed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scopes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parent_scope_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_token_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    correlation_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_links",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_links", x => x.token_hash);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    definition_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cycle = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    fired_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    called_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    arrived_via = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    owner = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    candidate_users = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_groups = table.Column<string>(type: "TEXT", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    form_key = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "variables",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variables", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_definitions_deployment_id",
                table: "form_definitions",
                column: "deployment_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_definitions_key_version",
                table: "form_definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_history_instance_id_at",
                table: "history",
                columns: new[] { "instance_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id",
                table: "incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_business_key",
                table: "instances",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definition_key_status",
                table: "instances",
                columns: new[] { "definition_key", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_parent_instance_id",
                table: "instances",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_due_at",
                table: "jobs",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_instance_id",
                table: "jobs",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_key",
                table: "outbox",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_status_due_at",
                table: "outbox",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_content_hash",
                table: "process_definitions",
                columns: new[] { "key", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_version",
                table: "process_definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scopes_instance_id",
                table: "scopes",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_instance_id",
                table: "subscriptions",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_kind_name",
                table: "subscriptions",
                columns: new[] { "kind", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_task_links_task_id",
                table: "task_links",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_definition_id",
                table: "timers",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_due_at",
                table: "timers",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_timers_instance_id",
                table: "timers",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_tokens_instance_id",
                table: "tokens",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id_status",
                table: "user_tasks",
                columns: new[] { "instance_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_assignee",
                table: "user_tasks",
                columns: new[] { "status", "assignee" });

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_due_at",
                table: "user_tasks",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_variables_instance_id",
                table: "variables",
                column: "instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_definitions");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "instances");

            migrationBuilder.DropTable(
                name: "jobs");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "process_definitions");

            migrationBuilder.DropTable(
                name: "scopes");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "task_links");

            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropTable(
                name: "tokens");

            migrationBuilder.DropTable(
                name: "user_tasks");

            migrationBuilder.DropTable(
                name: "variables");
        }
    }
}
