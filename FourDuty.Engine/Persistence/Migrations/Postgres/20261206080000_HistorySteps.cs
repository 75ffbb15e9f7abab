using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <summary>
    /// History as one row per step and instance, its events a JSON array (decision 0031). The events already stored move
    /// over one to a row, in their order, and the one-event-per-row table goes.
    /// </summary>
    [DbContext(typeof(PostgresEngineDbContext))]
    [Migration("20261206080000_HistorySteps")]
    public partial class HistorySteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_steps",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    events = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_steps", x => x.id);
                });

            migrationBuilder.Sql("""
                INSERT INTO fourduty.history_steps (id, instance_id, at, events)
                SELECT id, instance_id, at, json_build_array(json_strip_nulls(json_build_object(
                    'id', id, 'type', type, 'element', element_id, 'token', token_id, 'subject', subject_id, 'details', details)))::text
                FROM fourduty.history;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_history_steps_instance_id",
                schema: "fourduty",
                table: "history_steps",
                column: "instance_id");

            migrationBuilder.DropTable(
                name: "history",
                schema: "fourduty");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.Sql("""
                INSERT INTO fourduty.history (id, instance_id, at, type, element_id, token_id, subject_id, details)
                SELECT (e->>'id')::uuid, s.instance_id, s.at, e->>'type', e->>'element', (e->>'token')::uuid, (e->>'subject')::uuid, e->>'details'
                FROM fourduty.history_steps s, json_array_elements(s.events::json) e;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_history_instance_id_at",
                schema: "fourduty",
                table: "history",
                columns: new[] { "instance_id", "at" });

            migrationBuilder.DropTable(
                name: "history_steps",
                schema: "fourduty");
        }
    }
}
