using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// History as one row per step and instance, its events a JSON array (decision 0031). The events already stored move
    /// over one to a row, in their order, and the one-event-per-row table goes.
    /// </summary>
    [DbContext(typeof(SqliteEngineDbContext))]
    [Migration("20261206080001_HistorySteps")]
    public partial class HistorySteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    events = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_steps", x => x.id);
                });

            migrationBuilder.Sql("""
                INSERT INTO history_steps (id, instance_id, at, events)
                SELECT id, instance_id, at, json_array(json_object(
                    'id', id, 'type', type, 'element', element_id, 'token', token_id, 'subject', subject_id, 'details', details))
                FROM history;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_history_steps_instance_id",
                table: "history_steps",
                column: "instance_id");

            migrationBuilder.DropTable(
                name: "history");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.Sql("""
                INSERT INTO history (id, instance_id, at, type, element_id, token_id, subject_id, details)
                SELECT json_extract(e.value, '$.id'), s.instance_id, s.at, json_extract(e.value, '$.type'), json_extract(e.value, '$.element'), json_extract(e.value, '$.token'), json_extract(e.value, '$.subject'),
                    json_extract(e.value, '$.details')
                FROM history_steps s, json_each(s.events) e;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_history_instance_id_at",
                table: "history",
                columns: new[] { "instance_id", "at" });

            migrationBuilder.DropTable(
                name: "history_steps");
        }
    }
}
