using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FourDuty.Engine.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The task link key the engine keeps when none is configured (decision 0024): one row, outside the runtime's model.
    /// </summary>
    [DbContext(typeof(PostgresEngineDbContext))]
    [Migration("20261205130000_TaskLinkKey")]
    public partial class TaskLinkKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE fourduty.task_link_key (id integer PRIMARY KEY CHECK (id = 1), key bytea NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS fourduty.task_link_key;");
        }
    }
}
