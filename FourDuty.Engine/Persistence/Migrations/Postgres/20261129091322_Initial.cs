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
                name: "process_definitions",
                schema: "fourduty",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_definitions", x => x.id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "process_definitions",
                schema: "fourduty");
        }
    }
}
