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
                name: "process_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false),
                    deployed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_definitions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_content_hash",
                table: "process_definitions",
                columns: new[] { "key", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definitions_key_version",
                table: "process_definitions",
                columns: new[] { "key", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "process_definitions");
        }
    }
}
