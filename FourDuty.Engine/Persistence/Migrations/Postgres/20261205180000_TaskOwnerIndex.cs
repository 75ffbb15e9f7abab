using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <summary>A person's delegated tasks found by owner among very many open tasks (the inbox's query, issue 15).</summary>
    [DbContext(typeof(PostgresEngineDbContext))]
    [Migration("20261205180000_TaskOwnerIndex")]
    public partial class TaskOwnerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_owner",
                schema: "fourduty",
                table: "user_tasks",
                columns: new[] { "status", "owner" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_user_tasks_status_owner",
                schema: "fourduty",
                table: "user_tasks");
        }
    }
}
